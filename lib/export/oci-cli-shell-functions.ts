/**
 * Shell functions of the oci CLI script that run awk on environment values
 * (never on the command line): `uri_part` splits and percent-decodes an
 * Object Storage URL; `redact` masks the destination URL and its PAR token
 * in every encoding an error text may carry (raw, JSON-escaped, percent-
 * encoded, decoded). Both run under LC_ALL=C so bytes stay bytes.
 */
import { DESTINATION_URI_ENV } from './runner-contract';

/** awk functions hex() and dec(): percent-decoding, shared by both awk programs below. */
const AWK_PERCENT_DECODE = `    function hex(c) { return index("0123456789abcdef", tolower(c)) - 1 }
    function dec(s,   o, i, c) {
      o = ""
      for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "%" && substr(s, i + 1, 2) ~ /^[0-9A-Fa-f][0-9A-Fa-f]$/) { o = o sprintf("%c", hex(substr(s, i + 1, 1)) * 16 + hex(substr(s, i + 2, 1))); i += 2 }
        else o = o c
      }
      return o
    }
`;

export const URL_AND_REDACT_FUNCTIONS = `# Object Storage URL parts (F-50, F-51), percent-decoded; the URL itself is never printed.
uri_part() {
  PART=$1 awk '
${AWK_PERCENT_DECODE}    BEGIN {
      u = ENVIRON["${DESTINATION_URI_ENV}"]; part = ENVIRON["PART"]
      if (u !~ /^https?:\\/\\/[^\\/?#]+\\//) exit 3
      if (u ~ /[?#]/ || u ~ /[\\001-\\037 ]/) exit 4
      sub(/^https?:\\/\\/[^\\/]+/, "", u)
      tok = ""
      if (u ~ /^\\/p\\/[^\\/]+\\//) { tok = substr(u, 4); tok = substr(tok, 1, index(tok, "/") - 1); u = substr(u, length(tok) + 4) }
      if (u !~ /^\\/n\\/[^\\/]+\\/b\\/[^\\/]+\\/o\\/./) exit (u ~ /^\\/n\\/[^\\/]+\\/b\\/[^\\/]+(\\/o)?\\/?$/ ? 6 : 5)
      u = substr(u, 4); ns = substr(u, 1, index(u, "/") - 1); u = substr(u, length(ns) + 4)
      b = substr(u, 1, index(u, "/") - 1); o = substr(u, length(b) + 4)
      if (part == "p") printf "%s", tok
      if (part == "n") printf "%s", dec(ns)
      if (part == "b") printf "%s", dec(b)
      if (part == "o") printf "%s", dec(o)
    }'
}

# Masks the destination URL and its PAR token in every encoding: raw, JSON-escaped (\\/), percent-encoded.
redact() {
  PAR_TOKEN=$PAR_TOKEN awk '
    function lit(s, x,   i, o) {
      if (length(x) < 6) return s
      o = ""
      while ((i = index(s, x)) > 0) { o = o substr(s, 1, i - 1) "[redacted ***]"; s = substr(s, i + length(x)) }
      return o s
    }
    function re(s, r, rep,   o) {
      o = ""
      while (match(s, r)) { o = o substr(s, 1, RSTART - 1) rep; s = substr(s, RSTART + RLENGTH) }
      return o s
    }
    function json(s,   o, i, c) { o = ""; for (i = 1; i <= length(s); i++) { c = substr(s, i, 1); o = o (c == "/" ? "\\\\/" : c) } return o }
    function pct(s,   o, i, c) { o = ""; for (i = 1; i <= length(s); i++) { c = substr(s, i, 1); o = o (c ~ /[A-Za-z0-9_.~-]/ ? c : sprintf("%%%02X", ord[c])) } return o }
    function pctl(s,   o, i, c) { o = ""; for (i = 1; i <= length(s); i++) { c = substr(s, i, 1); o = o (c ~ /[A-Za-z0-9_.~-]/ ? c : sprintf("%%%02x", ord[c])) } return o }
${AWK_PERCENT_DECODE}    BEGIN {
      for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i
      n = 0
      raw[1] = ENVIRON["${DESTINATION_URI_ENV}"]; raw[2] = ENVIRON["PAR_TOKEN"]; raw[3] = dec(raw[2])
      for (k = 1; k <= 3; k++) if (raw[k] != "") { s[++n] = raw[k]; s[++n] = json(raw[k]); s[++n] = pct(raw[k]); s[++n] = pctl(raw[k]); s[++n] = json(pct(raw[k])) }
      # longest first, so a URL is masked before the token inside it
      for (a = 1; a <= n; a++) for (b = a + 1; b <= n; b++) if (length(s[b]) > length(s[a])) { t = s[a]; s[a] = s[b]; s[b] = t }
    }
    {
      line = $0
      for (k = 1; k <= n; k++) line = lit(line, s[k])
      line = re(line, "/p/[^/ \\"\\047]+/", "/p/***/")
      line = re(line, "\\\\\\\\/p\\\\\\\\/[^/ \\"\\047]+\\\\\\\\/", "\\\\/p\\\\/***\\\\/")
      line = re(line, "%2[Ff]p%2[Ff][^% \\"\\047]+%2[Ff]", "%2Fp%2F***%2F")
      print line
    }'
}`;
