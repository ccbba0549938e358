// Loaded into the CLI's process with `node --require` (run-cli.ts `clockAt`), never by the CLI
// itself: sets the wall clock to VERIFY_DEPLOY_TEST_CLOCK_AT (unix seconds) at start-up, after which
// it runs at the real pace. A test on backfilled data then has the CLI look at that data at a
// fixed moment, however late the loaded machine started the process; timers are untouched.
const at = Number(process.env.VERIFY_DEPLOY_TEST_CLOCK_AT);
if (!Number.isFinite(at)) throw new Error('VERIFY_DEPLOY_TEST_CLOCK_AT must be unix seconds');
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);
const offset = at * 1000 - realNow();

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(realNow() + offset);
    else super(...args);
  }

  static now() {
    return realNow() + offset;
  }
}

globalThis.Date = ShiftedDate;
