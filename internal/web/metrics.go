package web

import (
	"crypto/subtle"
	"database/sql"
	"net/http"
	"strings"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/danvan/danvan/internal/db"
)

// metrics is the server's own Prometheus registry (no global state, so
// several servers can run in one test process).
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

func newMetrics(d *db.DB) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "danvan_http_requests_total",
			Help: "HTTP requests by route pattern, method and status.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "danvan_http_request_duration_seconds",
			Help:    "HTTP request latency by route pattern.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route"}),
	}
	m.registry.MustRegister(
		m.requests, m.latency,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		poolCollector{d},
	)
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// guardedMetrics is /metrics on the main listener: not found without a
// token configured (nobody outside learns the routes, the load or the
// database pools), 401 without the right bearer token.
func (s *Server) guardedMetrics(token string) http.Handler {
	h := s.metrics.handler()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if token == "" {
			s.NotFound(w, r)
			return
		}
		sent, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(sent)), []byte(token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// poolCollector reports the database connection pools at scrape time.
type poolCollector struct{ d *db.DB }

var (
	poolOpen  = prometheus.NewDesc("danvan_db_connections_open", "Open database connections.", []string{"pool"}, nil)
	poolInUse = prometheus.NewDesc("danvan_db_connections_in_use", "Database connections in use.", []string{"pool"}, nil)
	poolWait  = prometheus.NewDesc("danvan_db_wait_count_total", "Times a request waited for a database connection.", []string{"pool"}, nil)
	poolWaitS = prometheus.NewDesc("danvan_db_wait_seconds_total", "Time spent waiting for a database connection.", []string{"pool"}, nil)
)

func (c poolCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- poolOpen
	ch <- poolInUse
	ch <- poolWait
	ch <- poolWaitS
}

func (c poolCollector) Collect(ch chan<- prometheus.Metric) {
	write, read := c.d.Stats()
	pools := []struct {
		name string
		st   sql.DBStats
	}{{"write", write}}
	if c.d.Dialect() == db.SQLite {
		pools = append(pools, struct {
			name string
			st   sql.DBStats
		}{"read", read})
	}
	for _, p := range pools {
		ch <- prometheus.MustNewConstMetric(poolOpen, prometheus.GaugeValue, float64(p.st.OpenConnections), p.name)
		ch <- prometheus.MustNewConstMetric(poolInUse, prometheus.GaugeValue, float64(p.st.InUse), p.name)
		ch <- prometheus.MustNewConstMetric(poolWait, prometheus.CounterValue, float64(p.st.WaitCount), p.name)
		ch <- prometheus.MustNewConstMetric(poolWaitS, prometheus.CounterValue, p.st.WaitDuration.Seconds(), p.name)
	}
}
