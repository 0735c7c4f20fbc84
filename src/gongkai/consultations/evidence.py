"""The legality review of a major decision's final document needs the feedback report on the
public comments (registered with gongkai.documents.evidence)."""

from django.urls import reverse

from gongkai.consultations.domain.states import Status
from gongkai.consultations.models import Consultation
from gongkai.documents import evidence
from gongkai.documents.models import Document

LABEL = "征求意见采纳情况反馈"


@evidence.provider
def feedback_report(document: Document) -> list[evidence.Evidence]:
    linked = Consultation.objects.filter(final_document=document).first()
    if not document.is_major_decision and linked is None:
        return []
    if linked is None:
        return [
            evidence.Evidence(
                LABEL,
                "",
                present=False,
                required=document.is_major_decision,
                note="重大行政决策须先公开征求意见；请在“征求意见”中将本文件关联为正式文件，并公布意见采纳情况反馈",
            )
        ]
    url = reverse("consultations_staff:detail", args=[linked.pk])
    present = linked.status == Status.FEEDBACK_PUBLISHED
    note = (
        f"{linked.title}：{linked.status_label}"
        if present
        else f"“{linked.title}”{linked.status_label}，须公布意见采纳情况反馈后方可通过合法性审查"
    )
    return [
        evidence.Evidence(
            LABEL, url, present=present, required=document.is_major_decision, note=note
        )
    ]
