"""What an editor may upload as a video or its captions, judged by content, not by name.

A file called `clip.mp4` may hold anything; browsers play what the bytes are. So the
first bytes decide: an MP4 (ISO base media) file has an `ftyp` box at offset 4, a WebM
(Matroska) file starts with the EBML magic number. The same bytes give the running time
cheaply: the `mvhd` box of an MP4, the Info element of a WebM. Reading them seeks past
the media data, so a 500 MB upload costs a few small reads.
"""

import struct
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

MP4 = "video/mp4"
WEBM = "video/webm"
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
CAPTIONS_MAX_BYTES = 2 * 1024 * 1024


@contextmanager
def opened(value):
    """The bytes behind a form upload, a stored FieldFile or a plain file, from the start.

    A stored file is opened from storage and closed again here (not through the
    FieldFile, whose handle would stay closed for the next reader); an upload still in
    the request is rewound for whoever reads it next.
    """
    if getattr(value, "_committed", False) and getattr(value, "name", None):
        with value.storage.open(value.name, "rb") as handle:
            yield handle
        return
    handle = getattr(value, "file", value)
    handle.seek(0)
    try:
        yield handle
    finally:
        handle.seek(0)


def sniff_video(handle):
    """'video/mp4', 'video/webm' or None, from the first bytes of an open file."""
    head = handle.read(12)
    if len(head) >= 8 and head[4:8] == b"ftyp":
        return MP4
    if head[:4] == EBML_MAGIC:
        return WEBM
    return None


def video_type(value):
    with opened(value) as handle:
        return sniff_video(handle)


def validate_video_file(value):
    limit = settings.MASTHEAD_VIDEO_MAX_UPLOAD_MB * 1024 * 1024
    if value.size > limit:
        raise ValidationError(
            "This video is %(size)s; the largest upload allowed is %(limit)s. "
            "Shorten or compress it, or publish it through a video platform and "
            "paste its link into 'Embed URL' instead.",
            code="too_big",
            params={"size": filesizeformat(value.size), "limit": filesizeformat(limit)},
        )
    if video_type(value) is None:
        raise ValidationError(
            "This file is not an MP4 or WebM video (its contents say otherwise, whatever "
            "its name). Export the video as MP4 (H.264) or WebM and upload that.",
            code="not_video",
        )


def validate_captions_file(value):
    if value.size > CAPTIONS_MAX_BYTES:
        raise ValidationError(
            "Captions files are small text files; this one is %(size)s.",
            code="too_big",
            params={"size": filesizeformat(value.size)},
        )
    with opened(value) as handle:
        head = handle.read(10)
    if isinstance(head, str):
        head = head.encode()
    if not head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        raise ValidationError(
            "Captions must be a WebVTT file: plain text whose first line is 'WEBVTT'. "
            "Most subtitle tools export it; SRT files can be converted.",
            code="not_webvtt",
        )


# --- Running time from the container's header -----------------------------------------


def mp4_seconds(handle):
    """Seconds from the `mvhd` box inside the top-level `moov` box, or None."""
    handle.seek(0, 2)
    end = handle.tell()
    offset = 0
    while offset + 8 <= end:
        handle.seek(offset)
        size, kind = struct.unpack(">I4s", handle.read(8))
        header = 8
        if size == 1:
            size = struct.unpack(">Q", handle.read(8))[0]
            header = 16
        elif size == 0:
            size = end - offset
        if size < header:
            return None
        if kind == b"moov":
            return _mvhd_seconds(handle, offset + header, offset + size)
        offset += size
    return None


def _mvhd_seconds(handle, start, stop):
    offset = start
    while offset + 8 <= stop:
        handle.seek(offset)
        size, kind = struct.unpack(">I4s", handle.read(8))
        if size < 8:
            return None
        if kind == b"mvhd":
            version = handle.read(4)[0]
            if version == 1:
                handle.seek(16, 1)
                timescale, duration = struct.unpack(">IQ", handle.read(12))
            else:
                handle.seek(8, 1)
                timescale, duration = struct.unpack(">II", handle.read(8))
            return duration / timescale if timescale else None
        offset += size
    return None


def _ebml_number(handle, *, keep_marker):
    """One EBML variable-length number (an element id keeps its length marker)."""
    first = handle.read(1)
    if not first:
        raise EOFError
    length = 1
    mask = 0x80
    while length <= 8 and not first[0] & mask:
        length += 1
        mask >>= 1
    if length > 8:
        raise ValueError("bad EBML number")
    value = first[0] if keep_marker else first[0] & (mask - 1)
    for byte in handle.read(length - 1):
        value = (value << 8) | byte
    unknown = not keep_marker and value == (1 << (7 * length)) - 1
    return value, unknown


SEGMENT, INFO, TIMESCALE, DURATION = 0x18538067, 0x1549A966, 0x2AD7B1, 0x4489


def webm_seconds(handle):
    """Seconds from the Segment's Info element (Duration x TimecodeScale), or None."""
    handle.seek(0, 2)
    end = handle.tell()
    handle.seek(0)
    try:
        stop = end
        scale, duration = 1_000_000, None
        while handle.tell() < stop:
            element, _ = _ebml_number(handle, keep_marker=True)
            size, unknown = _ebml_number(handle, keep_marker=False)
            start = handle.tell()
            if element == SEGMENT:
                stop = end if unknown else min(end, start + size)
                continue  # step inside
            if element == INFO:
                info_end = start + size
                while handle.tell() < info_end:
                    child, _ = _ebml_number(handle, keep_marker=True)
                    child_size, _ = _ebml_number(handle, keep_marker=False)
                    data = handle.read(child_size)
                    if child == TIMESCALE:
                        scale = int.from_bytes(data, "big")
                    elif child == DURATION and child_size in (4, 8):
                        duration = struct.unpack(">f" if child_size == 4 else ">d", data)[0]
                return duration * scale / 1e9 if duration is not None else None
            if unknown:
                return None
            handle.seek(start + size)
    except (EOFError, ValueError, struct.error):
        return None
    return None


def read_duration(value):
    """Whole seconds of an MP4 or WebM upload, or None when its header does not say."""
    with opened(value) as handle:
        kind = sniff_video(handle)
        try:
            if kind == MP4:
                seconds = mp4_seconds(handle)
            elif kind == WEBM:
                seconds = webm_seconds(handle)
            else:
                seconds = None
        except (struct.error, IndexError, OSError):
            seconds = None
    return round(seconds) if seconds else None
