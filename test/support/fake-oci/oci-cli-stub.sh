#!/bin/sh
# Stub of the `oci` CLI for the oci CLI script tests. State lives in files
# under $STUB_DIR:
#   state (image lifecycle), compartment, polls_left,
#   outcome: object | no-object | never | empty | stale (AVAILABLE again, object left as it was),
#   refuse (present = ExportImage answers 400), busy (number of 409 answers ExportImage gives first),
#   fault_<group>_<verb> (e.g. fault_image_get): stderr text of a failure every such call gives,
#   objects/<md5 of name>: the `os object head` JSON of each object.
# Every call's arguments go to $STUB_DIR/calls/<n> (NUL-separated, exact) and,
# for reading, one line each to $STUB_DIR/argv.log.
mkdir -p "$STUB_DIR/calls" "$STUB_DIR/objects"
n=$(( $(cat "$STUB_DIR/ncalls" 2>/dev/null || echo 0) + 1 ))
echo "$n" >"$STUB_DIR/ncalls"
printf '%s\0' "$@" >"$STUB_DIR/calls/$n"
printf '%s\n' "$*" >>"$STUB_DIR/argv.log"
while [ $# -gt 0 ]; do
  case "$1" in --region|--auth|--profile|--config-file) shift 2 ;; *) break ;; esac
done
group="$1 $2 $3"
fault="$STUB_DIR/fault_$2_$3"
shift 3
if [ -f "$fault" ]; then cat "$fault" >&2; exit 1; fi
val() { want=$1; shift; while [ $# -gt 0 ]; do [ "$1" = "$want" ] && { printf '%s' "$2"; return 0; }; shift; done; return 1; }
obj_file() { printf '%s/objects/%s' "$STUB_DIR" "$(printf '%s' "$1" | md5sum | cut -c1-32)"; }
service_error() { printf 'ServiceError:\n{\n    "code": "%s",\n    "message": "%s",\n    "status": %s\n}\n' "$2" "$3" "$1" >&2; exit 1; }
next_etag() { e=$(( $(cat "$STUB_DIR/etags" 2>/dev/null || echo 0) + 1 )); echo "$e" >"$STUB_DIR/etags"; printf 'etag-%s' "$e"; }
write_object() { printf '{\n  "accept-ranges": "bytes",\n  "content-length": "%s",\n  "etag": "%s",\n  "last-modified": "Sun, 29 Nov 2026 10:00:00 GMT"\n}\n' "$2" "$(next_etag)" >"$(obj_file "$1")"; }

case "$group" in
  'compute image get')
    case "$(val --query "$@")" in
      *compartment-id*) cat "$STUB_DIR/compartment" ;;
      *lifecycle-state*)
        state=$(cat "$STUB_DIR/state")
        outcome=$(cat "$STUB_DIR/outcome")
        if [ "$state" = EXPORTING ] && [ "$outcome" != never ]; then
          n=$(( $(cat "$STUB_DIR/polls_left") - 1 ))
          echo "$n" >"$STUB_DIR/polls_left"
          if [ "$n" -le 0 ]; then
            state=AVAILABLE
            echo AVAILABLE >"$STUB_DIR/state"
            case "$outcome" in
              object) write_object "$(cat "$STUB_DIR/target")" 3221225472 ;;
              empty) write_object "$(cat "$STUB_DIR/target")" 0 ;;
            esac
          fi
        fi
        echo "$state" ;;
    esac ;;
  'compute image export')
    sub=$1
    [ -f "$STUB_DIR/refuse" ] && service_error 400 InvalidParameter 'Image cannot be exported.'
    busy=$(cat "$STUB_DIR/busy" 2>/dev/null || echo 0)
    if [ "$busy" -gt 0 ]; then
      echo $((busy - 1)) >"$STUB_DIR/busy"
      service_error 409 Conflict 'The image is busy with another export.'
    fi
    if [ "$sub" = to-object-uri ]; then
      f=$(val --from-json "$@") || exit 2
      f=${f#file://}
      cp "$f" "$STUB_DIR/uri.json"
      sed -n 's#.*/o/\([^"]*\)".*#\1#p' "$f" | sed 's/%2F/\//g; s/%20/ /g' | tr -d '\n' >"$STUB_DIR/target"
    else
      val --name "$@" >"$STUB_DIR/target"
    fi
    echo EXPORTING >"$STUB_DIR/state"
    echo '{"data": {"lifecycle-state": "EXPORTING"}}' ;;
  'os object head')
    f=$(obj_file "$(val --name "$@")")
    [ -f "$f" ] || service_error 404 ObjectNotFound 'The object was not found'
    cat "$f" ;;
  'os object put')
    f=$(obj_file "$(val --name "$@")")
    {
      printf '{\n  "etag": "%s",\n' "$(next_etag)"
      { val --metadata "$@"; echo; } | tr -d '{}' | tr ',' '\n' | sed -n 's/^ *"\([^"]*\)": *"\([^"]*\)".*/  "opc-meta-\1": "\2",/p'
      printf '  "content-length": "100"\n}\n'
    } >"$f"
    echo '{"etag": "ok"}' ;;
  'os object delete')
    f=$(obj_file "$(val --name "$@")")
    [ -f "$f" ] || service_error 404 ObjectNotFound 'The object was not found'
    rm -f "$f" ;;
  *) echo "stub oci: unsupported command: $group" >&2; exit 2 ;;
esac
