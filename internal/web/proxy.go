package web

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// ParseProxies reads the trusted reverse proxies given to --trust-proxy:
// addresses or CIDR prefixes separated by commas ("127.0.0.1,10.0.0.0/8,
// ::1"). An empty string trusts no proxy.
func ParseProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if strings.Contains(part, "/") {
			p, err := netip.ParsePrefix(part)
			if err != nil {
				return nil, fmt.Errorf("trusted proxy %q: not an address or prefix", part)
			}
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(part)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: not an address or prefix", part)
		}
		a = a.Unmap()
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// trusted reports whether a is one of the proxies.
func trusted(proxies []netip.Prefix, a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range proxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// peerAddr is the address of the socket's other end.
func peerAddr(r *http.Request) (netip.Addr, string) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, host
	}
	return a.Unmap(), a.Unmap().String()
}

// clientAddr is the client's IP address. Without trusted proxies it is
// the socket's peer. When the peer is a trusted proxy, it is the
// rightmost address of X-Forwarded-For (every such header, in order)
// that is not itself a trusted proxy: each proxy appends the address it
// received from, so everything left of the last untrusted hop was
// written by the client and may be forged. When every hop is trusted,
// the leftmost one is the client.
func clientAddr(proxies []netip.Prefix, r *http.Request) string {
	peer, s := peerAddr(r)
	if len(proxies) == 0 || !peer.IsValid() || !trusted(proxies, peer) {
		return s
	}
	var hops []string
	for _, h := range r.Header.Values("X-Forwarded-For") {
		for part := range strings.SplitSeq(h, ",") {
			hops = append(hops, strings.TrimSpace(part))
		}
	}
	client := peer
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(hops[i])
		if err != nil {
			break // a hop no proxy wrote: the client is the last good one
		}
		client = a.Unmap()
		if !trusted(proxies, client) {
			break
		}
	}
	return client.String()
}

// fromProxy reports whether r came through a trusted proxy, whose
// X-Forwarded-Proto may then be believed.
func fromProxy(proxies []netip.Prefix, r *http.Request) bool {
	peer, _ := peerAddr(r)
	return len(proxies) > 0 && peer.IsValid() && trusted(proxies, peer)
}

// forwarded drops the forwarding headers of a request that did not come
// through a trusted proxy, so that nothing after it (cookies' Secure
// flag, HSTS) believes a client's own X-Forwarded-Proto.
func forwarded(next http.Handler, proxies []netip.Prefix) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !fromProxy(proxies, r) {
			r.Header.Del("X-Forwarded-For")
			r.Header.Del("X-Forwarded-Proto")
			r.Header.Del("X-Forwarded-Host")
		}
		next.ServeHTTP(w, r)
	})
}
