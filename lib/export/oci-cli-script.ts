/**
 * Alternative export step for machines that have the `oci` CLI but not
 * Node: a POSIX sh script doing what the Node runner does, with the same
 * environment variables, exit codes and marker object, so either runner
 * recognises the other's export.
 *
 * The script text is a constant of this runner version. Every input
 * (image, region, destination, auth, timeouts) arrives in the environment
 * of the `local-exec` provisioner and is only ever expanded inside double
 * quotes, so no value (a Terraform variable holding `'`, `$(…)`, a newline)
 * can become shell code, and Terraform has nothing of the user's to
 * interpolate in the command.
 *
 * Differences from the Node runner: progress shows the image state only
 * (the CLI's export answer gives no work request to poll); retries of
 * 429/5xx are left to the CLI's own retry strategy; no retry token is sent;
 * a URL or PAR destination is verified with a signed `oci os object head`
 * of the namespace/bucket/object parsed from the URL (the principal needs
 * read access to the bucket).
 */
import { DESTINATION_URI_ENV, MARKER_META, MARKER_SUFFIX, RUNNER_EXIT, RUNNER_MODE_ENV } from './runner-contract';
import { URL_AND_REDACT_FUNCTIONS } from './oci-cli-shell-functions';

/** Bumped whenever the script text changes (it is part of the synthesized command). */
export const OCI_CLI_SCRIPT_VERSION = 2;

/** Single-quotes a value for sh (kept for callers that build their own command lines). */
export function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The script; identical on every call. Inputs: `OCI_IMAGE_EXPORT_*` environment variables. */
export function ociCliExportScript(): string {
  return SCRIPT;
}

const E = RUNNER_EXIT;
/** Exit code of a delete OCI refused (409, e.g. a retention rule): RUNNER_EXIT.CLEANUP_REFUSED of the Node runner's cleanup (issue 15). */
export const CLEANUP_REFUSED = 7;
const meta = (key: keyof typeof MARKER_META) => `opc-meta-${MARKER_META[key]}`;

const SCRIPT = `#!/bin/sh
# oci-image-export, oci CLI edition v${OCI_CLI_SCRIPT_VERSION} (cdktf-oci-image-transfer); docs/export-runner.md.
# Constant text: every input is an OCI_IMAGE_EXPORT_* environment variable, expanded only in "double quotes".
# ${RUNNER_MODE_ENV}=export (default) exports the image and proves a fresh object exists (F-22);
# ${RUNNER_MODE_ENV}=cleanup deletes the object and its marker (already gone is success).
# Exit codes: ${E.OK} ok, ${E.UNEXPECTED} unexpected, ${E.USAGE} usage, ${E.NOT_EXPORTABLE} not exportable, ${E.EXPORT_FAILED} export failed or not proven,
# ${E.TIMEOUT} timeout, ${E.AUTH} auth or credentials, ${CLEANUP_REFUSED} delete refused. Never add "set -x": it would print secrets.
set -u
umask 077
MODE=\${${RUNNER_MODE_ENV}:-export}
IMAGE_ID=\${OCI_IMAGE_EXPORT_IMAGE_ID:-}
REGION=\${OCI_IMAGE_EXPORT_REGION:-}
FORMAT=\${OCI_IMAGE_EXPORT_FORMAT:-OCI}
NAMESPACE=\${OCI_IMAGE_EXPORT_NAMESPACE:-}
BUCKET=\${OCI_IMAGE_EXPORT_BUCKET:-}
OBJECT=\${OCI_IMAGE_EXPORT_OBJECT_NAME:-}
AUTH=\${OCI_IMAGE_EXPORT_AUTH:-ApiKey}
CONFIG_FILE=\${OCI_IMAGE_EXPORT_CONFIG_FILE:-}
PROFILE=\${OCI_IMAGE_EXPORT_PROFILE:-}
POLL_SECONDS=\${OCI_IMAGE_EXPORT_POLL_SECONDS:-30}
TIMEOUT_MINUTES=\${OCI_IMAGE_EXPORT_TIMEOUT_MINUTES:-240}
URI=\${${DESTINATION_URI_ENV}:-}
PAR_TOKEN=
export LC_ALL=C

say() { printf 'oci-image-export: %s\\n' "$*"; }
warn() { printf 'oci-image-export: %s\\n' "$*" >&2; }
die() { code=$1; shift; warn "error: $*"; exit "$code"; }
usage() { warn "usage error: $*"; exit ${E.USAGE}; }
positive() { case "$1" in ''|.|*[!0-9.]*|*.*.*) return 1 ;; *[1-9]*) return 0 ;; *) return 1 ;; esac; }

${URL_AND_REDACT_FUNCTIONS}

case "$MODE" in export|cleanup) ;; *) usage "${RUNNER_MODE_ENV} '$MODE' is not export or cleanup" ;; esac
case "$REGION" in '') usage "missing OCI_IMAGE_EXPORT_REGION" ;; *[!a-z0-9-]*) usage "OCI_IMAGE_EXPORT_REGION '$REGION' is not a region identifier such as eu-frankfurt-1" ;; esac
case "$MODE:$IMAGE_ID" in export:) usage "missing OCI_IMAGE_EXPORT_IMAGE_ID" ;; esac
if [ -n "$IMAGE_ID" ]; then
  case "$IMAGE_ID" in
    *[!A-Za-z0-9._-]*) usage "OCI_IMAGE_EXPORT_IMAGE_ID '$IMAGE_ID' is not an image OCID (expected ocid1.image.oc1.<region>.<id>)" ;;
    ocid1.image.*) ;;
    *) usage "OCI_IMAGE_EXPORT_IMAGE_ID '$IMAGE_ID' is not an image OCID (expected ocid1.image.oc1.<region>.<id>)" ;;
  esac
fi
case "$FORMAT" in OCI|QCOW2|VMDK|VHD|VDI) ;; *) usage "OCI_IMAGE_EXPORT_FORMAT '$FORMAT' is not one of OCI, QCOW2, VMDK, VHD, VDI" ;; esac
case "$AUTH" in
  ApiKey|SecurityToken) ;;
  InstancePrincipal|ResourcePrincipal) [ -z "$PROFILE$CONFIG_FILE" ] || usage "OCI_IMAGE_EXPORT_CONFIG_FILE and OCI_IMAGE_EXPORT_PROFILE apply only to ApiKey or SecurityToken auth, not $AUTH" ;;
  *) usage "OCI_IMAGE_EXPORT_AUTH '$AUTH' is not one of ApiKey, InstancePrincipal, ResourcePrincipal, SecurityToken" ;;
esac
positive "$POLL_SECONDS" || usage "OCI_IMAGE_EXPORT_POLL_SECONDS '$POLL_SECONDS' must be a positive number"
positive "$TIMEOUT_MINUTES" || usage "OCI_IMAGE_EXPORT_TIMEOUT_MINUTES '$TIMEOUT_MINUTES' must be a positive number"
TIMEOUT_SECONDS=$(T=$TIMEOUT_MINUTES awk 'BEGIN { s = ENVIRON["T"] * 60; if (s < 1) s = 1; printf "%d", (s == int(s)) ? s : int(s) + 1 }')

if [ -n "$URI" ]; then
  [ -z "$NAMESPACE$BUCKET$OBJECT" ] || usage "give the destination either as ${DESTINATION_URI_ENV} or as OCI_IMAGE_EXPORT_NAMESPACE/_BUCKET/_OBJECT_NAME, not both"
  uri_part check
  case $? in
    0) ;;
    3) usage "${DESTINATION_URI_ENV} must be an https:// URL" ;;
    4) usage "${DESTINATION_URI_ENV} must not carry a query string, fragment, space or control character" ;;
    6) usage "${DESTINATION_URI_ENV} ends at the bucket: append /o/<object name> to name the exported object (F-52)" ;;
    *) usage "${DESTINATION_URI_ENV} does not have the Object Storage shape https://<host>[/p/<token>]/n/<namespace>/b/<bucket>/o/<object> (F-50, F-51)" ;;
  esac
  PAR_TOKEN=$(uri_part p); NAMESPACE=$(uri_part n); BUCKET=$(uri_part b); OBJECT=$(uri_part o)
  if [ -n "$PAR_TOKEN" ]; then via=' (through a pre-authenticated request)'; else via=''; fi
else
  [ -n "$NAMESPACE" ] || usage "missing destination: set OCI_IMAGE_EXPORT_NAMESPACE, _BUCKET and _OBJECT_NAME, or ${DESTINATION_URI_ENV}"
  [ -n "$BUCKET" ] || usage "incomplete destination: missing OCI_IMAGE_EXPORT_BUCKET"
  [ -n "$OBJECT" ] || usage "incomplete destination: missing OCI_IMAGE_EXPORT_OBJECT_NAME"
  via=''
fi
MARKER=$OBJECT${MARKER_SUFFIX}
where="namespace $NAMESPACE, bucket $BUCKET, object $OBJECT$via"

TMP=$(mktemp -d) || exit ${E.UNEXPECTED}
trap 'rm -rf "$TMP"' EXIT
START=$(date +%s)

# oci's stderr is kept for messages, never printed raw: it could echo a PAR URL (F-55).
oci_() {
  [ -z "$CONFIG_FILE" ] || set -- --config-file "$CONFIG_FILE" "$@"
  [ -z "$PROFILE" ] || set -- --profile "$PROFILE" "$@"
  case "$AUTH" in
    InstancePrincipal) set -- --auth instance_principal "$@" ;;
    ResourcePrincipal) set -- --auth resource_principal "$@" ;;
    SecurityToken) set -- --auth security_token "$@" ;;
  esac
  oci --region "$REGION" "$@" 2>"$TMP/err"
}
error_text() { redact <"$TMP/err" | tr '\\n' ' '; }
last_error() { error_text | cut -c1-400; }
elapsed() { s=$(( $(date +%s) - START )); printf '%02d:%02d:%02d' $((s / 3600)) $((s % 3600 / 60)) $((s % 60)); }
past_deadline() { [ $(( $(date +%s) - START )) -ge "$TIMEOUT_SECONDS" ]; }
image_field() { oci_ compute image get --image-id "$IMAGE_ID" --query "data.\\"$1\\"" --raw-output; }
head_object() { oci_ os object head --namespace "$NAMESPACE" --bucket-name "$BUCKET" --name "$1"; }
json_field() { printf '%s\\n' "$1" | sed -n "s/^ *\\"$2\\": *\\"\\{0,1\\}\\([^\\",]*\\)\\"\\{0,1\\},\\{0,1\\} *$/\\1/p" | head -n 1; }
json_escape() { printf '%s' "$1" | sed 's/["\\\\]/\\\\&/g'; }
is_status() { case "$(error_text)" in *"\\"status\\": $1"*) return 0 ;; esac; return 1; }
api_failure() {
  msg=$(last_error)
  case "$(error_text)" in
    *'"status": 401'*|*'"status": 403'*|*NotAuthorizedOrNotFound*)
      die ${E.AUTH} "$1: not authenticated or not authorised ($msg)" ;;
    *ConfigFileNotFound*|*ProfileNotFound*|*InvalidConfig*|*InvalidPrivateKey*|*MissingPrivateKeyPassphrase*|*'private key'*|*passphrase*|*'Could not find config file'*|*'config file'*)
      die ${E.AUTH} "$1: the OCI CLI could not load credentials (config file, profile or API key): $msg" ;;
  esac
  die ${E.UNEXPECTED} "$1 failed: $msg"
}
size_of() { n=$(json_field "$1" content-length); case "$n" in ''|*[!0-9]*) echo 0 ;; *) echo "$n" ;; esac; }

if [ "$MODE" = cleanup ]; then
  # Same rules as the Node runner's cleanup (issue 15): object first, then its marker; a marker naming
  # another image or format means a newer export owns the name, so nothing is deleted; 404 is success.
  say "cleanup of $where (export of image \${IMAGE_ID:-unknown} as $FORMAT)"
  if [ -n "$IMAGE_ID" ] && marker=$(head_object "$MARKER"); then
    owner=$(json_field "$marker" ${meta('imageId')}); owner_format=$(json_field "$marker" ${meta('format')})
    if [ "$owner" != "$IMAGE_ID" ] || [ "$owner_format" != "$FORMAT" ]; then
      say "the marker $MARKER names image \${owner:-none} as \${owner_format:-none}: another export owns this object now, so nothing is deleted"
      exit ${E.OK}
    fi
  fi
  for name in "$OBJECT" "$MARKER"; do
    if oci_ os object delete --namespace "$NAMESPACE" --bucket-name "$BUCKET" --name "$name" --force >/dev/null; then
      say "deleted $name"
    elif is_status 404; then
      say "$name is already gone"
    elif is_status 409; then
      die ${CLEANUP_REFUSED} "DeleteObject: OCI refused to delete $name ($(last_error)), for example because a retention rule protects it. Remove the rule or wait until it allows deletion, then re-run terraform destroy."
    else
      api_failure DeleteObject
    fi
  done
  say "cleanup done in $(elapsed)"
  exit ${E.OK}
fi

say "image $IMAGE_ID ($REGION) -> $FORMAT export to $where"
compartment=$(image_field compartment-id) || api_failure GetImage
if [ -z "$compartment" ] || [ "$compartment" = null ]; then
  die ${E.NOT_EXPORTABLE} "image $IMAGE_ID belongs to no compartment, so it is a platform or Marketplace image; these cannot be exported (F-20)"
fi

# Same marker as the Node runner: it must name this image and format and the object's current ETag and size.
before_etag=
if head=$(head_object "$OBJECT"); then
  before_etag=$(json_field "$head" etag)
  size=$(size_of "$head")
  if marker=$(head_object "$MARKER") \\
    && [ "$(json_field "$marker" ${meta('imageId')})" = "$IMAGE_ID" ] \\
    && [ "$(json_field "$marker" ${meta('format')})" = "$FORMAT" ] \\
    && [ -n "$before_etag" ] && [ "$(json_field "$marker" ${meta('objectEtag')})" = "$before_etag" ] \\
    && [ "$size" -gt 0 ] && [ "$(json_field "$marker" ${meta('objectSize')})" = "$size" ]; then
    say "already exported: the object exists and its marker records image $IMAGE_ID as $FORMAT with this ETag and size; nothing to do"
    exit ${E.OK}
  fi
  say "the destination object exists but is not known to be this export; exporting again replaces it"
elif ! is_status 404; then
  api_failure HeadObject
fi

while :; do
  state=$(image_field lifecycle-state) || api_failure GetImage
  case "$state" in
    AVAILABLE|EXPORTING) break ;;
    PROVISIONING|IMPORTING) say "[$(elapsed)] waiting for the image to become AVAILABLE (now $state)" ;;
    *) die ${E.NOT_EXPORTABLE} "the image is $state; only an AVAILABLE image can be exported (F-22)" ;;
  esac
  past_deadline && die ${E.TIMEOUT} "the image did not become AVAILABLE within $TIMEOUT_MINUTES minute(s)"
  sleep "$POLL_SECONDS"
done

if [ -n "$URI" ]; then
  # The URL goes to oci in a private file, never on a command line (F-55).
  printf '{"uri": "%s"}\\n' "$(json_escape "$URI")" >"$TMP/uri.json"
fi
while :; do
  if [ -z "$URI" ]; then
    oci_ compute image export to-object --image-id "$IMAGE_ID" --namespace "$NAMESPACE" --bucket-name "$BUCKET" --name "$OBJECT" --export-format "$FORMAT" >/dev/null
  else
    oci_ compute image export to-object-uri --image-id "$IMAGE_ID" --export-format "$FORMAT" --from-json "file://$TMP/uri.json" >/dev/null
  fi && break
  # 409: the image is busy (another export or update runs); wait for it rather than give up.
  if is_status 409; then
    past_deadline && die ${E.TIMEOUT} "the image stayed busy (409) for $TIMEOUT_MINUTES minute(s): $(last_error)"
    warn "ExportImage: the image is busy (409); retrying in $POLL_SECONDS s"
    sleep "$POLL_SECONDS"
    continue
  fi
  is_status 400 && die ${E.NOT_EXPORTABLE} "OCI refused to export image $IMAGE_ID ($(last_error)). Platform images, Marketplace images and custom images created from Marketplace images cannot be exported (F-20)."
  api_failure ExportImage
done
say "export accepted"

saw_exporting=0
polls=0
while :; do
  state=$(image_field lifecycle-state) || api_failure GetImage
  polls=$((polls + 1))
  say "[$(elapsed)] image $state"
  case "$state" in
    EXPORTING) saw_exporting=1 ;;
    AVAILABLE) { [ "$saw_exporting" = 1 ] || [ "$polls" -ge 3 ]; } && break ;;
    DELETED|DISABLED) die ${E.EXPORT_FAILED} "the image became $state during the export" ;;
  esac
  past_deadline && die ${E.TIMEOUT} "the export did not finish within $TIMEOUT_MINUTES minute(s) (last seen: image $state). It keeps running in OCI: re-run terraform apply to wait again, or raise the timeout."
  sleep "$POLL_SECONDS"
done

# Proof of a fresh object (F-22): it exists, is not empty, and its ETag is not the one seen before the export.
if ! head=$(head_object "$OBJECT"); then
  is_status 404 || api_failure HeadObject
  die ${E.EXPORT_FAILED} "the image is AVAILABLE again but the object ($where) does not exist, so the export failed (F-22). Re-run terraform apply to export again; if it keeps failing, check that the exporting principal may write to the bucket (F-21)."
fi
etag=$(json_field "$head" etag)
size=$(size_of "$head")
[ -n "$etag" ] || die ${E.EXPORT_FAILED} "the object ($where) has no ETag, so the runner cannot prove the export wrote it (F-22)"
[ "$size" -gt 0 ] || die ${E.EXPORT_FAILED} "the object ($where) is empty (0 bytes), so the export did not write the image (F-22). Re-run terraform apply to export again."
if [ -n "$before_etag" ] && [ "$etag" = "$before_etag" ]; then
  die ${E.EXPORT_FAILED} "the object ($where) still has the ETag it had before the export, so this export did not write it (F-22). Re-run terraform apply to export again."
fi
say "verified: a fresh object exists ($size bytes, etag $etag)"

printf '{"writtenBy": "oci-image-export", "imageId": "%s", "format": "%s", "objectEtag": "%s", "objectSize": %s}\\n' "$(json_escape "$IMAGE_ID")" "$FORMAT" "$(json_escape "$etag")" "$size" >"$TMP/marker.json"
metadata=$(printf '{"${MARKER_META.imageId}": "%s", "${MARKER_META.format}": "%s", "${MARKER_META.objectEtag}": "%s", "${MARKER_META.objectSize}": "%s"}' "$(json_escape "$IMAGE_ID")" "$FORMAT" "$(json_escape "$etag")" "$size")
if oci_ os object put --namespace "$NAMESPACE" --bucket-name "$BUCKET" --name "$MARKER" --file "$TMP/marker.json" --content-type application/json --metadata "$metadata" --force >/dev/null; then
  say "wrote marker object $MARKER"
else
  warn "warning: could not write the marker object $MARKER ($(last_error)); the export is verified, but a later run will export again"
fi
say "done in $(elapsed)"
exit ${E.OK}
`;
