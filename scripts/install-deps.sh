#!/usr/bin/env bash
# Installs the Debian 12 packages Tierdesk needs to build, run and test.
# Idempotent: installs only what is missing; uses sudo only when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev libqt6opengl6-dev libgl-dev qt6-httpserver-dev qt6-websockets-dev
  qt6-charts-dev libqt6sql6-sqlite libsqlite3-dev
  # team mode: Qt's PostgreSQL driver, and PostgreSQL 15 itself, which the tests start on their own
  # (tests/support/PgServer.h) as an unprivileged user
  libqt6sql6-psql postgresql-15 postgresql-client-15 libcurl4-openssl-dev libssl-dev libhttp-parser-dev libsodium-dev liblinear-dev
  qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus dbus-x11
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  # Qt's own German (standard dialog buttons) beside the console's translations
  qt6-translations-l10n
  fonts-dejavu-core xvfb xauth curl
  # the console's headset on a call (QAudioSource, QAudioSink, QSoundEffect for the ring) and its
  # recordings' player (QMediaPlayer, QAudioOutput); Qt's GStreamer backend builds its player from
  # the base and good plugins (audioconvert, volume, autoaudiosink...) and crashes without them
  qt6-multimedia-dev gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  # tests: the console's audio through a PulseAudio daemon of the test's own (null sinks; paplay, parec)
  pulseaudio pulseaudio-utils
  # calls (core/voice): speech in (PocketSphinx and its US English model), speech out (Flite's
  # voices), resampling for 8 and 48 kHz codecs (speexdsp)
  libpocketsphinx-dev pocketsphinx-en-us flite1-dev libspeexdsp-dev
  # calls over SIP (core/voice/sip): SIP, SDP and RTP (libre), Opus, G.722 and G.711 (spandsp)
  libre-dev libopus-dev libspandsp-dev
  # the e-mail channel: customers' mail read and replies written as MIME (core/integrations/mail)
  libgmime-3.0-dev
  # the Lex V2 runtime's response headers are gzip then base64, as Lex sends them; gzipped sitemaps
  zlib1g-dev
  # a company's help center (core/integrations/web): HTML pages and HTML mail parsed as browsers
  # parse them (gumbo), the text of PDFs (poppler)
  libgumbo-dev libpoppler-cpp-dev
  # the terms a company's knowledge is searched by: Snowball's stemmers (core/nlu/text/SearchTerms)
  libstemmer-dev
  # make test: fuzz targets (clang, libFuzzer's runtime is only recommended by clang, so named
  # here) and llvm-symbolizer for sanitizer reports with file:line
  clang libclang-rt-14-dev llvm-14
  # the instrumented tree links with LLVM's linker (cmake/Sanitizers.cmake)
  lld
  # the console's second factor: the QR code of its otpauth:// URL (libqrencode); tests read it
  # back with zbarimg
  libqrencode-dev zbar-tools
  # make format / make format-check (.clang-format)
  clang-format
  # tests: a real SMTP server (aiosmtpd) on loopback for the e-mail tests
  python3-aiosmtpd
  # tests: a real IMAP server (Dovecot, run rootless by tests/support/DovecotServer.h) for the mailbox tests
  dovecot-imapd
  # tests: openssl req makes that server's self-signed certificate (imaps, STARTTLS)
  openssl
  # tests: a real AWS SigV4 signer (botocore's SigV4Auth) for the SigV4 verifier's tests
  python3-botocore
  # tests/voice/sip: a real SIP caller (baresip with a WAV file as its microphone); sipp (sip-tester)
  # for SIP scenarios by hand (the tests send their own malformed datagrams)
  baresip-core sip-tester
  # tests: time-based one-time passwords made by a second implementation (the staff's second factor)
  oathtool
  # tests/e2e: Node's test runner and npm (Debian's nodejs 18 does not bundle npm; NodeSource's
  # does, and conflicts with Debian's npm package: npm is added below only when missing)
  nodejs
  # tests/e2e: the web chat page (/chat) in a real browser, headless Chromium driven by npm playwright-core
  chromium
  # tests/e2e: the console's own window under Xvfb, typed into as a person would (xdotool)
  xdotool
  # make package (dpkg-shlibdeps) and its checks (scripts/check-package.sh)
  dpkg-dev lintian desktop-file-utils appstream file
)
if [ "${TIERDESK_WITH_BENCH:-0}" = 1 ]; then
  packages+=(wrk imagemagick sqlite3)
  # bench/nlu.sh: the scikit-learn reference and the npm peers (NLP.js, VADER, AFINN)
  packages+=(python3-sklearn)
  # the fastText comparison in bench/README.md (by hand)
  packages+=(fasttext)
  # bench/kb_corpus.sh: GNOME Help (Mallard pages) as a public help center, rendered by yelp-build
  packages+=(gnome-user-docs yelp-tools)
fi
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing: ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
