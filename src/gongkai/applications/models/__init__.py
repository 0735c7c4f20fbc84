from gongkai.applications.models.application import (
    Application,
    ApplicationEvent,
    ApplicationFile,
    Channel,
    Consultation,
    Reminder,
)
from gongkai.applications.models.letters import Letter, LetterKind, LetterTemplate
from gongkai.applications.models.review import QuarterlyAnalysis, ReviewCase

__all__ = [
    "Application",
    "ApplicationEvent",
    "ApplicationFile",
    "Channel",
    "Consultation",
    "Letter",
    "LetterKind",
    "LetterTemplate",
    "QuarterlyAnalysis",
    "Reminder",
    "ReviewCase",
]
