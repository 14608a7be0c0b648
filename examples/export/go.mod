module github.com/workflowkit/clerk/examples/export

go 1.24.0

replace github.com/workflowkit/clerk => ../..

require (
	github.com/schollz/progressbar/v3 v3.19.0
	github.com/workflowkit/clerk v0.0.0-00010101000000-000000000000
	golang.org/x/term v0.40.0
)

require (
	github.com/google/go-querystring v1.2.0 // indirect
	github.com/hashicorp/go-cleanhttp v0.5.2 // indirect
	github.com/hashicorp/go-retryablehttp v0.7.8 // indirect
	github.com/mitchellh/colorstring v0.0.0-20190213212951-d06e56a500db // indirect
	github.com/rivo/uniseg v0.4.7 // indirect
	golang.org/x/sys v0.41.0 // indirect
)
