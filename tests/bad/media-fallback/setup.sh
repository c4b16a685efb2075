# shellcheck shell=bash
# A video (no handler: counted as video) and an audio file (brand M4A),
# each a file type box and an empty movie box; captions, and a text file
# that is none.
printf '\0\0\0\x14ftypisom\0\0\0\0isom\0\0\0\x08moov' >in/clip.mp4
printf '\0\0\0\x14ftypM4A \0\0\0\0M4A \0\0\0\x08moov' >in/clip.m4a
printf 'WEBVTT\n\n00:00.000 --> 00:01.000\nThe harbour.\n' >in/clip.vtt
printf 'Notes for the captions, not yet written.\n' >in/notes.txt
