// Command http-target is the trivial HTTP server the load generator benchmark loads: every
// request is answered at once, 200 with a short JSON body and a Content-Length (keep-alive
// HTTP/1.1). It listens on 127.0.0.1 (port from -port, 0 = a free one) and prints
// "listening on http://127.0.0.1:PORT/" on stdout once it accepts connections.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
)

var body = []byte(`{"result":"Success"}`)

func main() {
	port := flag.Int("port", 0, "port on 127.0.0.1 (0: a free one)")
	flag.Parse()
	listener, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)))
	if err != nil {
		log.Fatal(err)
	}
	length := strconv.Itoa(len(body))
	handler := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", length)
		_, _ = w.Write(body)
	})
	fmt.Fprintf(os.Stdout, "listening on http://%s/\n", listener.Addr())
	log.Fatal(http.Serve(listener, handler))
}
