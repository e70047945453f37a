#pragma once

namespace tierdesk::voice {

// sphinxbase logs every model it loads to stderr, through one process-wide file pointer: turned off
// once for the process, before anything of PocketSphinx or sphinxbase loads (a decoder's -logfn
// would set the same global from each thread).
void silenceSphinxLog();

} // namespace tierdesk::voice
