"""Linking: attributions (and cited claims) -> the markers and references that back them."""

from .attributions import link_attributions

__all__ = ["link_attributions"]
