/** Debian's chromium (apt-get install chromium fonts-noto-cjk), or FUPIN_CHROMIUM. */
export const CHROMIUM = process.env.FUPIN_CHROMIUM ?? '/usr/bin/chromium';
