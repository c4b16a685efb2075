# shellcheck shell=bash
# Audio that EPUB does not make every reader play: a WAV header, an Ogg
# page that begins a Vorbis stream; and a video in an <audio>.
printf 'RIFF\x04\0\0\0WAVE' >in/bell.wav
printf 'OggS\0\x02\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\x01\x07\x01vorbis' >in/gulls.ogg
printf '\0\0\0\x14ftypisom\0\0\0\0isom\0\0\0\x08moov' >in/clip.mp4
