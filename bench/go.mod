module github.com/workflowkit/clerk/bench

go 1.24.0

replace github.com/workflowkit/clerk => ../

require (
	github.com/go-jose/go-jose/v3 v3.0.4 // indirect
	github.com/google/go-querystring v1.2.0 // indirect
	github.com/hashicorp/go-cleanhttp v0.5.2 // indirect
	github.com/hashicorp/go-retryablehttp v0.7.8 // indirect
	golang.org/x/crypto v0.19.0 // indirect
	golang.org/x/time v0.14.0 // indirect
)

require (
	github.com/clerk/clerk-sdk-go/v2 v2.4.2
	github.com/workflowkit/clerk v0.0.0-00010101000000-000000000000
)
