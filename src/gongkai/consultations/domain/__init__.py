"""PURE  The rules of consultation on drafts: the comment period (period.py), the states
(states.py) and the feedback report's arithmetic and completeness (feedback.py)."""
