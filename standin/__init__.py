"""A faithful local stand-in for the Claude Messages API (see ``server.StandIn``)."""

from .server import StandIn

__all__ = ["StandIn"]
