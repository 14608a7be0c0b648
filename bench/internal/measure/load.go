package measure

import (
	"os"
	"strings"
)

// LoadAverage returns the system's 1, 5 and 15 minute load averages as
// /proc/loadavg gives them, such as "0.52 0.31 0.20", or "unknown" where
// there is no such file. A load well above the core count means the
// timings of the moment are inflated by other processes.
func LoadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	fields := strings.Fields(string(b))
	if len(fields) < 3 {
		return "unknown"
	}
	return strings.Join(fields[:3], " ")
}
