package notify_test

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// mailServer is a small SMTP server on a real TCP port: EHLO, STARTTLS
// (with its own certificate), AUTH PLAIN only over TLS, MAIL, RCPT, DATA,
// QUIT. It keeps what it received; Stop closes the port and Start opens
// the same one again, as a mail server that goes down and comes back.
type mailServer struct {
	t        *testing.T
	addr     string
	cert     tls.Certificate
	Roots    *x509.CertPool
	user     string
	password string

	mu   sync.Mutex
	ln   net.Listener
	Mail []received
	wg   sync.WaitGroup
}

type received struct {
	From, To string
	Data     string
}

func newMailServer(t *testing.T, user, password string) *mailServer {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"},
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(der)
	roots := x509.NewCertPool()
	roots.AddCert(leaf)
	s := &mailServer{t: t, addr: "127.0.0.1:0", cert: tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, Roots: roots,
		user: user, password: password}
	s.Start()
	t.Cleanup(s.Stop)
	return s
}

// Start opens the port (the same one after a Stop).
func (s *mailServer) Start() {
	s.mu.Lock()
	defer s.mu.Unlock()
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		s.t.Fatal(err)
	}
	s.ln, s.addr = ln, ln.Addr().String()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.wg.Add(1)
			go func() { defer s.wg.Done(); s.serve(c) }()
		}
	}()
}

// Stop closes the port: connections are refused until Start.
func (s *mailServer) Stop() {
	s.mu.Lock()
	ln := s.ln
	s.ln = nil
	s.mu.Unlock()
	if ln != nil {
		ln.Close()
	}
	s.wg.Wait()
}

func (s *mailServer) Addr() string { return s.addr }

func (s *mailServer) Received() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.Mail...)
}

func (s *mailServer) serve(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	r, w := bufio.NewReader(c), bufio.NewWriter(c)
	say := func(line string) { w.WriteString(line + "\r\n"); w.Flush() }
	say("220 localhost ESMTP test")
	secure, authed := false, false
	var from string
	var to []string
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		verb := strings.ToUpper(strings.SplitN(line, " ", 2)[0])
		switch verb {
		case "EHLO", "HELO":
			if secure {
				say("250-localhost")
				say("250 AUTH PLAIN")
			} else {
				say("250-localhost")
				say("250 STARTTLS")
			}
		case "STARTTLS":
			say("220 go ahead")
			tc := tls.Server(c, &tls.Config{Certificates: []tls.Certificate{s.cert}})
			if err := tc.Handshake(); err != nil {
				return
			}
			c, secure = tc, true
			r, w = bufio.NewReader(tc), bufio.NewWriter(tc)
		case "AUTH":
			f := strings.Fields(line)
			if !secure || len(f) != 3 || f[1] != "PLAIN" {
				say("530 TLS first")
				continue
			}
			b, _ := base64.StdEncoding.DecodeString(f[2])
			if string(b) != "\x00"+s.user+"\x00"+s.password {
				say("535 bad credentials")
				continue
			}
			authed = true
			say("235 ok")
		case "MAIL":
			if !authed {
				say("530 authentication required")
				continue
			}
			from, to = strings.TrimPrefix(line[len("MAIL FROM:"):], ""), nil
			say("250 ok")
		case "RCPT":
			to = append(to, strings.Trim(line[len("RCPT TO:"):], "<> "))
			say("250 ok")
		case "DATA":
			say("354 end with .")
			var data strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				data.WriteString(strings.TrimPrefix(l, "."))
			}
			s.mu.Lock()
			for _, rcpt := range to {
				s.Mail = append(s.Mail, received{From: from, To: rcpt, Data: data.String()})
			}
			s.mu.Unlock()
			say("250 queued")
		case "RSET", "NOOP":
			say("250 ok")
		case "QUIT":
			say("221 bye")
			return
		default:
			say("502 unknown")
		}
	}
}

func tlsConfig(s *mailServer) *tls.Config { return &tls.Config{RootCAs: s.Roots} }
