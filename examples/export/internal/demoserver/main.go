// Command demoserver serves generated users from a clerktest server in a
// process of its own, so that the memory of an export can be measured
// apart from the server's:
//
//	go build -o /tmp/export . && go build -o /tmp/demoserver ./internal/demoserver
//	/tmp/demoserver -users 1000000 > /tmp/demoserver.env &
//	# once the file holds two lines:
//	env $(cat /tmp/demoserver.env) /usr/bin/time -v /tmp/export --out /tmp/x.csv
//
// Once the users are loaded it prints CLERK_SECRET_KEY=… and
// CLERK_API_URL=… on standard output, one a line, and serves until it is
// interrupted. The users are those of export's --demo-users (seed 1). The
// key is an sk_live_ key, so that clients apply production's rate limit
// (1000 requests per 10 s) rather than development's 100.
package main

import (
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/workflowkit/clerk/clerktest"
)

func main() {
	users := flag.Int("users", 100000, "how many generated users to serve")
	seed := flag.Int64("seed", 1, "the seed of the generated users")
	flag.Parse()

	random := make([]byte, 20)
	rand.Read(random)
	key := "sk_live_" + hex.EncodeToString(random)

	srv := clerktest.NewServer(clerktest.WithSecretKey(key),
		clerktest.WithGeneratedUsers(*users, *seed))
	defer srv.Close()
	fmt.Printf("CLERK_SECRET_KEY=%s\nCLERK_API_URL=%s\n", srv.SecretKey(), srv.URL)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
}
