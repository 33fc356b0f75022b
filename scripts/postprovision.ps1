# Prints where clients reach CoachFlow and the snippet a coach pastes into their website.
$intake = azd env get-value INTAKE_URL
Write-Host ""
Write-Host "CoachFlow is provisioned. The intake form: $intake"
Write-Host ""
Write-Host "Embed it on your website with:"
Write-Host "  <iframe src=`"$intake`" title=`"Book a free chemistry session`" style=`"width:100%;min-height:1100px;border:0`" loading=`"lazy`"></iframe>"
Write-Host ""
