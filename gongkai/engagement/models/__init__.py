from .consultations import Comment, CommentAttachment, Consultation, ConsultationAttachment
from .responses import ConcernResponse

__all__ = [
    "Comment",
    "CommentAttachment",
    "ConcernResponse",
    "Consultation",
    "ConsultationAttachment",
]
