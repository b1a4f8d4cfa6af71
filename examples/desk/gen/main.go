// Command gen writes a synthetic service desk log for examples/desk, to
// measure it on logs far larger than its sample:
//
//	go run ./examples/desk/gen -n 1000000 -devices 10000 -dir /tmp/desklog
//	/usr/bin/time -v go run ./examples/desk -contracts /tmp/desklog/contracts.json -events /tmp/desklog/events.csv > /dev/null
//
// It writes contracts.json (1,000 devices a contract) and events.csv (the
// requests' events in time order) into -dir. The same flags give the same
// files.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/slaclock/slaclock/examples/internal/desklog"
)

func main() {
	n := flag.Int("n", 100000, "the number of requests")
	devices := flag.Int("devices", 10000, "the number of devices")
	dir := flag.String("dir", ".", "the directory to write contracts.json and events.csv into")
	seed := flag.Uint64("seed", 1, "the seed of the log")
	flag.Parse()
	if flag.NArg() > 0 || *n < 0 || *devices < 1 {
		fmt.Fprintln(os.Stderr, "usage: gen [-n requests] [-devices devices] [-dir dir] [-seed seed]")
		os.Exit(2)
	}
	if err := write(*dir, *n, *devices, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func write(dir string, n, devices int, seed uint64) error {
	c, err := os.Create(filepath.Join(dir, "contracts.json"))
	if err != nil {
		return err
	}
	if err := desklog.Contracts(c, devices); err != nil {
		c.Close()
		return err
	}
	if err := c.Close(); err != nil {
		return err
	}
	e, err := os.Create(filepath.Join(dir, "events.csv"))
	if err != nil {
		return err
	}
	if err := desklog.Events(e, n, devices, seed); err != nil {
		e.Close()
		return err
	}
	return e.Close()
}
