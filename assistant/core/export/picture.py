"""A draft's picture put into the export, in any format Word shows.

python-docx adds a picture only when it can read its size from the image's header (PNG, JPEG,
GIF, BMP, TIFF); a draft's EMF or WMF (charts and diagrams pasted from Office) made the export
fail. Those are copied as they are, at the size the draft gives them.
"""

from __future__ import annotations

from io import BytesIO

from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.shape import CT_Inline
from docx.parts.image import ImagePart

from .source import Picture


def add_picture(run, picture: Picture, width: int, height: int) -> None:
    """``picture`` at ``width`` × ``height`` (EMU) in ``run``."""
    rid = relate_image(run.part, picture.blob, picture.content_type, picture.ext)
    run._r.add_drawing(CT_Inline.new_pic_inline(run.part.next_id, rid, f"image.{picture.ext}", width, height))


def relate_image(part, blob: bytes, content_type: str, ext: str) -> str:
    """The id under which ``part`` relates to the image ``blob``, its image part added once."""
    try:
        return part.get_or_add_image(BytesIO(blob))[0]
    except UnrecognizedImageError:
        images = part.package.image_parts
        image_part = ImagePart(images._next_image_partname(ext), content_type, blob)
        images.append(image_part)
        return part.relate_to(image_part, RT.IMAGE)
