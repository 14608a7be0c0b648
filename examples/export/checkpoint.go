package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/workflowkit/clerk"
)

// checkpointVersion is written into every checkpoint; a checkpoint of
// another version is refused.
const checkpointVersion = 1

// tailBytes is how much of the output before a checkpoint's length the
// checkpoint's hash covers.
const tailBytes = 4096

// checkpoint is the content of FILE.checkpoint: how far a resumable
// export to FILE got. The package documentation tells how it is written
// and used.
type checkpoint struct {
	Version int `json:"version"`
	// Flags is the fingerprint of --format, --fields, the filters and
	// the instance.
	Flags string `json:"flags"`
	// Bytes is the length of FILE.partial that holds whole rows only.
	Bytes int64 `json:"bytes"`
	// Rows is how many rows those bytes hold.
	Rows int64 `json:"rows"`
	// CreatedAt (Unix milliseconds) and ID are the last row's user.
	CreatedAt int64  `json:"created_at"`
	ID        string `json:"id"`
	// Tail is the SHA-256 of the tailBytes bytes before Bytes (fewer at
	// the start of the file), in hex.
	Tail string `json:"tail"`
}

func checkpointPath(out string) string { return out + ".checkpoint" }

func partialPath(out string) string { return out + ".partial" }

// loadCheckpoint reads the checkpoint of the export to out; found is
// false when there is none.
func loadCheckpoint(out string) (cp checkpoint, found bool, err error) {
	path := checkpointPath(out)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return checkpoint{}, false, nil
	}
	if err != nil {
		return checkpoint{}, false, err
	}

	err = json.Unmarshal(data, &cp)
	switch {
	case err != nil:
	case cp.Version != checkpointVersion:
		err = fmt.Errorf("version %d, want %d", cp.Version, checkpointVersion)
	case cp.Bytes <= 0 || cp.Rows <= 0 || cp.ID == "" || cp.Flags == "" || cp.Tail == "":
		err = errors.New("a field is missing")
	}
	if err != nil {
		return checkpoint{}, false, fmt.Errorf("%s is not a checkpoint of this program "+
			"(%v); remove it to export from the beginning", path, err)
	}
	return cp, true, nil
}

// save replaces the checkpoint of the export to out atomically.
func (cp checkpoint) save(out string) error {
	data, err := json.Marshal(cp)
	if err != nil {
		return err
	}
	return writeFileAtomic(checkpointPath(out), append(data, '\n'))
}

// after reports whether u comes after the checkpoint's user in ascending
// creation order, ties broken by id as Clerk breaks them.
func (cp checkpoint) after(u *clerk.User) bool {
	if u.CreatedAt != cp.CreatedAt {
		return u.CreatedAt > cp.CreatedAt
	}
	return u.ID > cp.ID
}

// fingerprint identifies what the rows of an export hold: the format,
// the fields, the filters (not the page size, which changes no row) and
// the source of the users (see source).
func fingerprint(format string, fields []string, params *clerk.ListUsersParams,
	source string) (string, error) {

	filters, err := params.CountValues()
	if err != nil {
		return "", err
	}
	text := strings.Join([]string{format, strings.Join(fields, "\x00"), filters.Encode(),
		source}, "\n")
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:16]), nil
}

// tailHash returns the hex SHA-256 of the tailBytes bytes of f before
// end, or of all of them when end is smaller.
func tailHash(f *os.File, end int64) (string, error) {
	start := max(0, end-tailBytes)
	buf := make([]byte, end-start)
	if _, err := f.ReadAt(buf, start); err != nil {
		return "", err
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:]), nil
}
