"""Writes of the consultations module, one function per change:

- consultations: consultation_create, consultation_update, consultation_open,
  consultation_extend, consultation_close, consultations_close_due, consultation_withdraw,
  consultation_publish_feedback, consultation_link_document (consultations.py)
- comments: comment_submit (the public form), comment_enter (staff, from letters, hearings,
  expert meetings, surveys), comment_moderate, comment_dispose, comment_group, comment_ungroup
  (comments.py)
"""
