"""Publish: releases on the intranet, the offline bundle and the combined PDF."""
