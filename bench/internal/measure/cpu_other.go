//go:build !unix

package measure

import "time"

// ProcessCPU returns 0: this system offers no getrusage. See cpu_unix.go.
func ProcessCPU() time.Duration { return 0 }
