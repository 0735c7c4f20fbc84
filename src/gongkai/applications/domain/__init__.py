"""Pure domain rules of disclosure on application (依申请公开). No Django imports here."""
