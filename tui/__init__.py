"""dualread package."""
