"""Publish: what is made from the built site for people who leave it — the combined PDF."""
