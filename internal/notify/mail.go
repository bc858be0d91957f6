package notify

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strings"
	"time"
)

// Mailer delivers one message (headers and body, CRLF lines) to one
// address.
type Mailer interface {
	Send(ctx context.Context, to string, msg []byte) error
}

// SMTP is a mail server reached over SMTP.
type SMTP struct {
	Addr     string // host:port
	Host     string // the name the server's certificate must carry
	Security string // "starttls" (required, the default), "tls" (implicit, port 465) or "none" (a local relay)
	User     string
	Password string
	From     string      // the sender's address
	TLS      *tls.Config // nil: the system's roots and Host
	Timeout  time.Duration
}

// ParseSMTP reads --smtp: smtp://user:password@host:587?from=nhacviec@example.gov.vn
// (STARTTLS required), smtps://…:465 (TLS from the start), or
// smtp://host:25?security=none for a relay on the same machine (no
// password is sent over a clear connection).
func ParseSMTP(raw string) (*SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("notify: --smtp: %w", err)
	}
	s := &SMTP{Host: u.Hostname(), Security: "starttls", Timeout: 30 * time.Second}
	port := u.Port()
	switch u.Scheme {
	case "smtp":
		if port == "" {
			port = "587"
		}
	case "smtps":
		s.Security = "tls"
		if port == "" {
			port = "465"
		}
	default:
		return nil, fmt.Errorf("notify: --smtp: scheme %q, want smtp or smtps", u.Scheme)
	}
	if s.Host == "" {
		return nil, errors.New("notify: --smtp: no host")
	}
	s.Addr = net.JoinHostPort(s.Host, port)
	if u.User != nil {
		s.User = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	q := u.Query()
	if v := q.Get("security"); v != "" {
		if u.Scheme != "smtp" || (v != "none" && v != "starttls") {
			return nil, fmt.Errorf("notify: --smtp: security=%q", v)
		}
		s.Security = v
	}
	if s.Security == "none" && s.User != "" {
		return nil, errors.New("notify: --smtp: a password is never sent without TLS")
	}
	s.From = q.Get("from")
	if s.From == "" {
		return nil, errors.New("notify: --smtp: from= (the sender's address) is missing")
	}
	if _, err := mail.ParseAddress(s.From); err != nil {
		return nil, fmt.Errorf("notify: --smtp: from=%q: %w", s.From, err)
	}
	return s, nil
}

// Send delivers msg to to.
func (s *SMTP) Send(ctx context.Context, to string, msg []byte) error {
	timeout := s.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	cfg := s.TLS
	if cfg == nil {
		cfg = &tls.Config{}
	}
	cfg = cfg.Clone()
	if cfg.ServerName == "" {
		cfg.ServerName = s.Host
	}
	d := net.Dialer{Timeout: timeout}
	var conn net.Conn
	var err error
	if s.Security == "tls" {
		conn, err = (&tls.Dialer{NetDialer: &d, Config: cfg}).DialContext(ctx, "tcp", s.Addr)
	} else {
		conn, err = d.DialContext(ctx, "tcp", s.Addr)
	}
	if err != nil {
		return fmt.Errorf("smtp: dial %s: %w", s.Addr, err)
	}
	defer conn.Close()
	deadline := time.Now().Add(timeout)
	if dl, ok := ctx.Deadline(); ok && dl.Before(deadline) {
		deadline = dl
	}
	conn.SetDeadline(deadline)
	c, err := smtp.NewClient(conn, s.Host)
	if err != nil {
		return fmt.Errorf("smtp: %s: %w", s.Addr, err)
	}
	defer c.Close()
	if err := c.Hello("danvan"); err != nil {
		return fmt.Errorf("smtp: EHLO: %w", err)
	}
	if s.Security == "starttls" {
		if ok, _ := c.Extension("STARTTLS"); !ok {
			return fmt.Errorf("smtp: %s offers no STARTTLS", s.Addr)
		}
		if err := c.StartTLS(cfg); err != nil {
			return fmt.Errorf("smtp: STARTTLS: %w", err)
		}
	}
	if s.User != "" {
		if err := c.Auth(smtp.PlainAuth("", s.User, s.Password, s.Host)); err != nil {
			return fmt.Errorf("smtp: AUTH: %w", err)
		}
	}
	if err := c.Mail(s.From); err != nil {
		return fmt.Errorf("smtp: MAIL FROM: %w", err)
	}
	if err := c.Rcpt(to); err != nil {
		return fmt.Errorf("smtp: RCPT TO: %w", err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("smtp: DATA: %w", err)
	}
	if _, err := w.Write(msg); err != nil {
		return fmt.Errorf("smtp: DATA: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("smtp: DATA: %w", err)
	}
	return c.Quit()
}

// compose writes one person's digest in Vietnamese: a greeting, the
// reminders grouped by kind with their links, and where to unsubscribe.
func (n *Notifier) compose(name, to string, day time.Time, rs []Reminder, now time.Time) ([]byte, error) {
	t := func(key string, args ...any) string { return n.cfg.Catalog.T("vi", key, args...) }
	base := strings.TrimSuffix(n.cfg.BaseURL, "/")
	var body bytes.Buffer
	fmt.Fprintf(&body, "%s\n\n%s\n", t("notify.mail.greeting", name), t("notify.mail.intro", dateText(day)))
	for _, k := range n.kinds {
		first := true
		for _, r := range rs {
			if r.Kind != k {
				continue
			}
			if first {
				fmt.Fprintf(&body, "\n%s\n", strings.ToUpper(t("notify.kind."+string(k))))
				first = false
			}
			fmt.Fprintf(&body, "- %s\n  %s%s\n", n.cfg.Catalog.Text("vi", r.Message), base, r.Link)
		}
	}
	fmt.Fprintf(&body, "\n%s\n%s\n", t("notify.mail.unsubscribe", base+"/nhac-viec"), t("notify.mail.auto"))

	from := "danvan@localhost"
	if s, ok := n.cfg.Mailer.(*SMTP); ok {
		from = s.From
	}
	var id [12]byte
	rand.Read(id[:])
	host := "danvan"
	if _, h, ok := strings.Cut(from, "@"); ok {
		host = strings.Trim(h, "> ")
	}
	var msg bytes.Buffer
	hdr := func(k, v string) { fmt.Fprintf(&msg, "%s: %s\r\n", k, v) }
	hdr("From", (&mail.Address{Name: "danvan", Address: from}).String())
	hdr("To", (&mail.Address{Name: name, Address: to}).String())
	hdr("Subject", mime.QEncoding.Encode("utf-8", t("notify.mail.subject", dateText(day), len(rs))))
	hdr("Date", now.In(Zone).Format(time.RFC1123Z))
	hdr("Message-ID", "<"+hex.EncodeToString(id[:])+"@"+host+">")
	hdr("MIME-Version", "1.0")
	hdr("Content-Type", "text/plain; charset=utf-8")
	hdr("Content-Transfer-Encoding", "quoted-printable")
	hdr("Auto-Submitted", "auto-generated")
	hdr("List-Unsubscribe", "<"+base+"/nhac-viec>")
	msg.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&msg)
	if _, err := qp.Write(bytes.ReplaceAll(body.Bytes(), []byte("\n"), []byte("\r\n"))); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	return msg.Bytes(), nil
}
