"""Writes of the open meetings module (meetings.py): meeting_create, meeting_update,
meeting_announce, registration_submit (the public form), registration_invite (experts, media),
meeting_close_registration (the draw), meeting_hold (attendance), meeting_publish_minutes,
meeting_cancel."""
