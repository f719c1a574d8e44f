#!/bin/sh
# Stub of the `oci` CLI for the script-runner tests. State lives in files
# under $STUB_DIR: state (image lifecycle), compartment, polls_left,
# outcome (object | no-object | never), refuse (present = answer 400).
# Every call's arguments are appended to $STUB_DIR/argv.log.
printf '%s\n' "$*" >>"$STUB_DIR/argv.log"
while [ $# -gt 0 ]; do
  case "$1" in --region|--auth|--profile|--config-file) shift 2 ;; *) break ;; esac
done
group="$1 $2 $3"
shift 3
val() { want=$1; shift; while [ $# -gt 0 ]; do [ "$1" = "$want" ] && { printf '%s' "$2"; return 0; }; shift; done; return 1; }
obj_file() { printf '%s/obj_%s' "$STUB_DIR" "$(printf '%s' "$1" | tr '/ ' '__')"; }
not_found() { echo 'ServiceError: {"code": "ObjectNotFound", "message": "The object was not found", "status": 404}' >&2; exit 1; }

case "$group" in
  'compute image get')
    case "$(val --query "$@")" in
      *compartment-id*) cat "$STUB_DIR/compartment" ;;
      *lifecycle-state*)
        state=$(cat "$STUB_DIR/state")
        if [ "$state" = EXPORTING ] && [ "$(cat "$STUB_DIR/outcome")" != never ]; then
          n=$(( $(cat "$STUB_DIR/polls_left") - 1 ))
          echo "$n" >"$STUB_DIR/polls_left"
          if [ "$n" -le 0 ]; then
            state=AVAILABLE
            echo AVAILABLE >"$STUB_DIR/state"
            if [ "$(cat "$STUB_DIR/outcome")" = object ]; then
              printf '{\n  "content-length": "3221225472",\n  "etag": "exp-%s"\n}\n' "$$" >"$(obj_file "$(cat "$STUB_DIR/target")")"
            fi
          fi
        fi
        echo "$state" ;;
    esac ;;
  'compute image export')
    sub=$1
    if [ -f "$STUB_DIR/refuse" ]; then
      echo 'ServiceError: {"code": "InvalidParameter", "message": "Image cannot be exported.", "status": 400}' >&2
      exit 1
    fi
    if [ "$sub" = to-object-uri ]; then
      f=$(val --from-json "$@") || exit 2
      f=${f#file://}
      sed -n 's#.*/o/\([^"]*\)".*#\1#p' "$f" >"$STUB_DIR/target"
      cp "$f" "$STUB_DIR/uri.json"
    else
      val --name "$@" >"$STUB_DIR/target"
    fi
    echo EXPORTING >"$STUB_DIR/state"
    echo '{"data": {"lifecycle-state": "EXPORTING"}}' ;;
  'os object head')
    f=$(obj_file "$(val --name "$@")")
    [ -f "$f" ] || not_found
    cat "$f" ;;
  'os object put')
    f=$(obj_file "$(val --name "$@")")
    {
      printf '{\n  "etag": "marker-%s",\n' "$$"
      val --metadata "$@" | tr -d '{}' | tr ',' '\n' | sed -n 's/^ *"\([^"]*\)": *"\([^"]*\)".*/  "opc-meta-\1": "\2",/p'
      printf '  "content-length": "100"\n}\n'
    } >"$f"
    echo '{"etag": "ok"}' ;;
  *) echo "stub oci: unsupported command: $group" >&2; exit 2 ;;
esac
