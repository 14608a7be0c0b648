package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/internal/cli"
)

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

// run is the whole program, with its environment passed in for tests.
func run(ctx context.Context, args []string, env cli.Env, stdin io.Reader,
	stdout, stderr io.Writer) int {

	fs := flag.NewFlagSet("workflow", flag.ContinueOnError)
	fs.SetOutput(stderr)
	stepFile := fs.String("step", "", "the step file to run (required)")
	dataFile := fs.String("data", "-", "the workflow's data as a JSON object; - reads stdin")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}

	step, data, err := load(*stepFile, *dataFile, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "workflow: %v\n", err)
		return exitUsage
	}

	client, closeServer, err := cli.Connect(env, stderr, nil)
	if err != nil {
		fmt.Fprintf(stderr, "workflow: %v\n", err)
		return exitUsage
	}
	defer closeServer()

	res, err := step.Run(ctx, client, data)
	if err != nil {
		fmt.Fprintf(stderr, "workflow: %v\n", err)
		return exitFailed
	}
	out, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "workflow: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(stdout, "%s\n", out)
	return exitOK
}

// load reads and checks the step file and the data.
func load(stepFile, dataFile string, stdin io.Reader) (*clerk.Step, map[string]string,
	error) {

	if stepFile == "" {
		return nil, nil, fmt.Errorf("--step is required: name a step file, such as " +
			"examples/workflow/fraud.step.json")
	}
	f, err := os.Open(stepFile)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	step, err := clerk.ParseStep(f)
	if err != nil {
		return nil, nil, fmt.Errorf("%s:\n%w", stepFile, err)
	}

	in := stdin
	if dataFile != "-" {
		df, err := os.Open(dataFile)
		if err != nil {
			return nil, nil, err
		}
		defer df.Close()
		in = df
	}
	data, err := readData(in)
	if err == nil {
		err = data.check(step.Placeholders())
	}
	if err != nil {
		return nil, nil, fmt.Errorf("data: %w", err)
	}
	return step, data.values, nil
}
