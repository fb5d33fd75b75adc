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
    try:
        run.add_picture(BytesIO(picture.blob), width=width, height=height)
    except UnrecognizedImageError:
        story = run.part
        images = story.package.image_parts
        image_part = ImagePart(images._next_image_partname(picture.ext), picture.content_type, picture.blob)
        images.append(image_part)
        rid = story.relate_to(image_part, RT.IMAGE)
        filename = f"image.{picture.ext}"
        run._r.add_drawing(CT_Inline.new_pic_inline(story.next_id, rid, filename, width, height))
