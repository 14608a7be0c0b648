package clerktest

import (
	"cmp"
	"context"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"
)

// codeInternal is the code of Clerk's answer to a failure of its own.
const codeInternal = "internal_clerk_error"

// slowPieces is how many pieces FaultSlowBody cuts a body into, at most.
const slowPieces = 10

// htmlPage is FaultHTML's default body, for status code and text.
const htmlPage = "<html>\r\n<head><title>%[1]d %[2]s</title></head>\r\n" +
	"<body>\r\n<center><h1>%[1]d %[2]s</h1></center>\r\n" +
	"<hr><center>clerktest</center>\r\n</body>\r\n</html>\r\n"

// change returns the answer that f sends in place of real, the answer of
// the endpoint with Clerk's headers; trace is the request's trace id.
func (f Fault) change(real reply, trace string) reply {
	var rep reply
	switch f.Kind {
	case FaultStatus:
		rep = f.statusReply(trace)
	case FaultHTML:
		status := cmp.Or(f.Status, http.StatusBadGateway)
		page := fmt.Sprintf(htmlPage, status, http.StatusText(status))
		rep = reply{
			status: status,
			header: http.Header{"Content-Type": {"text/html; charset=utf-8"}},
			body:   []byte(cmp.Or(f.Body, page)),
		}
	case FaultInvalidJSON:
		body := cmp.Or(f.Body, `[{"id":`)
		rep = reply{status: cmp.Or(f.Status, http.StatusOK), body: []byte(body)}
		rep = rep.withClerkHeaders(trace)
	default:
		rep = real
		rep.header = real.header.Clone()
	}

	for k, v := range f.Header {
		rep.header[k] = append([]string(nil), v...)
	}
	return rep
}

// statusReply is the answer of FaultStatus: Clerk's envelope unless the
// fault has a Body.
func (f Fault) statusReply(trace string) reply {
	status := cmp.Or(f.Status, http.StatusInternalServerError)
	if f.Body != "" {
		rep := reply{status: status, body: []byte(f.Body)}
		return rep.withClerkHeaders(trace)
	}

	e := &apiError{
		status:  status,
		code:    codeInternal,
		message: "Internal error",
		longMessage: fmt.Sprintf("clerktest answered %d %s, as a fault given "+
			"to WithFaults, InjectFaults or WithRandomFaults.", status, http.StatusText(status)),
	}
	if status == http.StatusTooManyRequests {
		e.code, e.message = codeTooManyRequests, "Too many requests"
	}
	return e.reply(trace).withClerkHeaders(trace)
}

// wait is how long f waits before its answer starts.
func (f Fault) wait() time.Duration {
	if f.Kind == FaultSlowBody {
		return 0
	}
	return f.Delay
}

// loggedStatus is the status recorded for rep sent as f says: 0 when no
// answer is sent.
func (f Fault) loggedStatus(rep reply) int {
	if f.Kind == FaultReset {
		return 0
	}
	return rep.status
}

// send writes rep as f says: whole, slowly, cut short or not at all.
func (f Fault) send(w http.ResponseWriter, r *http.Request, rep reply) {
	switch f.Kind {
	case FaultReset:
		reset(w)
	case FaultTruncate:
		truncate(w, rep)
	case FaultSlowBody:
		dribble(r.Context(), w, rep, cmp.Or(f.Delay, slowBodyDelay))
	default:
		write(w, rep)
	}
}

// hijack takes the connection of w over. Where it cannot, as on HTTP/2,
// which httptest does not serve by default, it aborts the answer, which
// the client sees as a broken connection or stream.
func hijack(w http.ResponseWriter) net.Conn {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	return conn
}

// reset closes the connection of w with a TCP reset: with SO_LINGER at 0,
// closing discards what is unsent and answers RST.
func reset(w http.ResponseWriter) {
	conn := hijack(w)
	if tcp, ok := conn.(*net.TCPConn); ok {
		tcp.SetLinger(0)
	}
	conn.Close()
}

// truncate writes the status line and headers of rep, announcing its
// whole body, then half the body, and closes the connection in order, so
// that the client reads the half before the end.
func truncate(w http.ResponseWriter, rep reply) {
	conn := hijack(w)
	defer conn.Close()

	h := rep.header.Clone()
	h.Set("Content-Length", strconv.Itoa(len(rep.body)))
	head := fmt.Sprintf("HTTP/1.1 %d %s\r\n", rep.status, http.StatusText(rep.status))

	conn.Write([]byte(head))
	h.Write(conn)
	conn.Write([]byte("\r\n"))
	conn.Write(rep.body[:len(rep.body)/2])
}

// dribble writes the status and headers of rep at once, then its body in
// pieces, the last one when over has passed. It stops when ctx ends.
func dribble(ctx context.Context, w http.ResponseWriter, rep reply, over time.Duration) {
	for k, v := range rep.header {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(rep.body)))
	w.WriteHeader(rep.status)
	rc := http.NewResponseController(w)
	rc.Flush()

	start := time.Now()
	n := max(1, min(len(rep.body), slowPieces))
	for i := range n {
		due := start.Add(over * time.Duration(i+1) / time.Duration(n))
		if !pause(ctx, time.Until(due)) {
			return
		}
		w.Write(rep.body[len(rep.body)*i/n : len(rep.body)*(i+1)/n])
		rc.Flush()
	}
}
