import { z } from 'zod'

// zod 4 probes `Function('')` once to choose its JIT parser. Under the app's CSP (scripts from
// 'self' only, no 'unsafe-eval') the probe is refused and reported as a CSP violation; jitless
// mode skips the probe and parses the same way without generated code.
z.config({ jitless: true })
