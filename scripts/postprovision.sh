#!/bin/sh
# Prints where clients reach CoachFlow and the snippet a coach pastes into their website.
set -e
intake="$(azd env get-value INTAKE_URL)"
echo ""
echo "CoachFlow is provisioned. The intake form: ${intake}"
echo ""
echo "Embed it on your website with:"
echo "  <iframe src=\"${intake}\" title=\"Book a free chemistry session\" style=\"width:100%;min-height:1100px;border:0\" loading=\"lazy\"></iframe>"
echo ""
