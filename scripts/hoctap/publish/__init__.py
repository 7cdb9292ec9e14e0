"""Publish: the gate that decides what a build leaves out, releases on the intranet, the offline bundle
and the combined PDF."""
