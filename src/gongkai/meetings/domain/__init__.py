"""PURE  Open meetings: the states (states.py), the draw for over-subscribed seats (draw.py) and
the yearly plan of at least two meetings with the public (plan.py)."""
