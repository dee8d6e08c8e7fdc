"""Images: EXIF data (camera, time, GPS position).

What a picture shows is not read: text in an image (a photographed ID card, a scanned letter) is
not searched for ID or mobile numbers, as the check does no OCR. PDF pages that are only an
image are named in a `scanned_page` notice for the reviewer to read by eye."""

import io

from .common import Finding


def check_image(data: bytes) -> list[Finding]:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        if not exif:
            return []
        gps = bool(exif.get_ifd(0x8825))
    message = "图片包含EXIF信息（拍摄设备、时间等）" + ("，其中含有GPS位置" if gps else "")
    return [Finding("exif", "图片信息", message)]
