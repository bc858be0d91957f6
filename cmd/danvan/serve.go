package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"net/netip"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/backup"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/notify"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/web"
)

// ServeConfig is everything `danvan serve` needs; flags fill it, and tests
// build it directly to start the whole server on 127.0.0.1:0.
type ServeConfig struct {
	Addr   string // listen address, e.g. ":8080" or "127.0.0.1:0"
	DB     string // database URL
	Demo   bool   // fill an empty database with the small demo
	Logger *slog.Logger
	Out    io.Writer   // where the start-up banner goes
	Auth   auth.Config // zero means auth.DefaultConfig
	// Files is the file storage: a folder (shared between servers on PostgreSQL), file:// or mem://.
	// Empty means a folder beside a SQLite file (danvan.db-files), or
	// ./danvan-files for PostgreSQL (share it between servers).
	Files string
	// ImportDir is a folder of saved articles the import page may read.
	ImportDir string
	// TrustedProxies are the reverse proxies whose X-Forwarded-For and
	// X-Forwarded-Proto are believed (web.ParseProxies); none means the
	// socket's peer is the client.
	TrustedProxies []netip.Prefix
	// MetricsAddr is a separate listen address for /metrics (e.g.
	// "127.0.0.1:9090", reached only by the monitoring network); empty
	// means none.
	MetricsAddr string
	// MetricsToken lets a scraper read /metrics on the main address with
	// "Authorization: Bearer <token>"; empty means /metrics is not served
	// there.
	MetricsToken string
	// APILimit bounds the rate of /api/v1 requests (web.APILimit); zero
	// fields take web.DefaultAPILimit's.
	APILimit web.APILimit
	// Documents are the page settings of issued documents (the margins,
	// document.ParseMargins); the zero value means the defaults.
	Documents document.Settings
	// MaintainEvery is how often expired sessions and abandoned uploads
	// are swept; zero means hourly.
	MaintainEvery time.Duration
	// Backup is the schedule of backups this server takes (with the
	// others of the deployment: one takes each); no Dir means none.
	Backup backup.Schedule
	// SMTP is the mail server reminders are sent through (an smtp:// or
	// smtps:// URL, see notify.ParseSMTP); empty keeps them in the app.
	SMTP string
	// SiteURL is the site's public address, for the links in e-mails.
	SiteURL string
}

// Main is a running server.
type Main struct {
	cfg      ServeConfig
	db       *db.DB
	listener net.Listener
	http     *http.Server
	metrics  *http.Server // the separate /metrics listener, if any
	mlisten  net.Listener
	done     chan error
	files    *blob.Bucket
	stop     context.CancelFunc // ends the maintenance loop
	accounts []auth.DemoAccount // made by --demo
	jobs     sync.WaitGroup     // the background jobs (startJobs)
}

// Start opens and migrates the database, fills it with demo data when
// asked and it is empty, starts listening and serves in the background.
func Start(ctx context.Context, cfg ServeConfig) (*Main, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Out == nil {
		cfg.Out = io.Discard
	}
	if cfg.SMTP != "" {
		if _, err := notify.ParseSMTP(cfg.SMTP); err != nil {
			return nil, err
		}
	}
	d, err := db.Open(ctx, cfg.DB)
	if err != nil {
		return nil, err
	}
	m := &Main{cfg: cfg, db: d, done: make(chan error, 1)}
	if err := m.prepare(ctx); err != nil {
		d.Close()
		return nil, err
	}
	if m.files, err = blob.Open(ctx, filesLocation(cfg.Files, d)); err != nil {
		d.Close()
		return nil, err
	}
	if cfg.Demo {
		// The demo's administrators, whose passwords it prints, sign in
		// without setting up a second step.
		cfg.Auth.AdminsWithoutTwoFactor = true
	}
	srv, err := web.New(web.Config{DB: d, Logger: cfg.Logger, Auth: cfg.Auth, Files: m.files, ImportDir: cfg.ImportDir, TrustedProxies: cfg.TrustedProxies, MetricsToken: cfg.MetricsToken, APILimit: cfg.APILimit, Documents: cfg.Documents})
	if err != nil {
		d.Close()
		return nil, err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		d.Close()
		return nil, fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	m.listener = ln
	m.http = &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(cfg.Logger.Handler(), slog.LevelWarn),
	}
	if cfg.MetricsAddr != "" {
		mln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			ln.Close()
			d.Close()
			return nil, fmt.Errorf("listen on %s for metrics: %w", cfg.MetricsAddr, err)
		}
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", srv.Metrics())
		// Go's profiles of the running server (CPU, heap, goroutines,
		// mutex contention), on this private address only: a CPU profile
		// under real load is where a slow page's time can be read.
		mux.HandleFunc("GET /debug/pprof/", pprof.Index)
		mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
		mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
		m.mlisten = mln
		// The write timeout leaves room for a CPU profile's default 30
		// seconds (pprof refuses one as long as the timeout) and more.
		m.metrics = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: 2 * time.Minute,
			ErrorLog: slog.NewLogLogger(cfg.Logger.Handler(), slog.LevelWarn)}
		go func() {
			if err := m.metrics.Serve(mln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				cfg.Logger.Error("metrics listener", slog.Any("err", err))
			}
		}()
		cfg.Logger.Info("serving metrics", slog.String("addr", mln.Addr().String()))
	}
	go func() { m.done <- m.http.Serve(ln) }()
	mctx, stop := context.WithCancel(context.WithoutCancel(ctx))
	m.stop = stop
	go m.maintain(mctx)
	if err := m.startJobs(mctx); err != nil {
		cfg.Logger.Error("background jobs", slog.Any("err", err))
	}
	cfg.Logger.Info("serving", slog.String("addr", ln.Addr().String()), slog.String("db", d.String()))
	return m, nil
}

func (m *Main) prepare(ctx context.Context) error {
	n, err := m.db.Migrate(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		m.cfg.Logger.Info("migrated", slog.Int("applied", n))
	}
	if !m.cfg.Demo {
		return nil
	}
	has, err := demo.Present(ctx, m.db)
	if err != nil {
		return err
	}
	if !has {
		start := time.Now()
		if err := demo.GenerateAll(ctx, m.db, demo.Options{Scale: "small", Seed: 1}, nil); err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
		m.cfg.Logger.Info("demo data generated", slog.Duration("took", time.Since(start)))
	}
	accounts, err := auth.DemoAccounts(ctx, auth.NewStore(m.db, org.NewStore(m.db), m.cfg.Auth), org.NewStore(m.db))
	if err != nil {
		return fmt.Errorf("demo accounts: %w", err)
	}
	m.accounts = accounts
	return nil
}

// printAccounts lists the demo accounts for the person who started the
// server.
func printAccounts(w io.Writer, accounts []auth.DemoAccount) {
	if len(accounts) == 0 {
		return
	}
	fmt.Fprintln(w, "Tài khoản dùng thử (demo accounts):")
	for _, a := range accounts {
		fmt.Fprintf(w, "  %-14s mật khẩu %-20s %-9s %s\n", a.Login, a.Password, a.Role, a.UnitName)
	}
}

// filesLocation is where uploaded files go when no --files is given.
func filesLocation(flag string, d *db.DB) string {
	if flag != "" {
		return flag
	}
	if path, ok := strings.CutPrefix(d.String(), "sqlite:"); ok && path != ":memory:" {
		return path + "-files"
	}
	return "danvan-files"
}

// maintain sweeps, every MaintainEvery, what requests leave behind:
// expired sessions and old failed sign-ins, and uploads whose row was
// never committed; and it runs the day's hot-spot sweep. Any server may
// do it; the work is idempotent.
func (m *Main) maintain(ctx context.Context) {
	every := m.cfg.MaintainEvery
	if every <= 0 {
		every = time.Hour
	}
	units := org.NewStore(m.db)
	authStore := auth.NewStore(m.db, units, m.cfg.Auth)
	practices := practice.NewStore(m.db, units, authStore, m.files)
	cases := citizen.NewStore(m.db, units, authStore)
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if n, err := authStore.PurgeExpired(ctx); err != nil {
			m.cfg.Logger.Warn("purge expired sessions", slog.Any("err", err))
		} else if n > 0 {
			m.cfg.Logger.Info("purged expired sessions", slog.Int64("rows", n))
		}
		if n, err := practices.Sweep(ctx, practice.PendingGrace); err != nil {
			m.cfg.Logger.Warn("sweep abandoned uploads", slog.Any("err", err))
		} else if n > 0 {
			m.cfg.Logger.Info("swept abandoned uploads", slog.Int("files", n))
		}
		// The day's hot-spot sweep, so that the first leader to open a page
		// after midnight does not wait for it.
		if n, err := cases.Sweep(ctx); err != nil {
			m.cfg.Logger.Warn("hot-spot sweep", slog.Any("err", err))
		} else if n > 0 {
			m.cfg.Logger.Info("hot-spot sweep", slog.Int("cases", n))
		}
	}
}

// MetricsURL is the address of the separate /metrics listener ("" when
// there is none).
func (m *Main) MetricsURL() string {
	if m.mlisten == nil {
		return ""
	}
	return "http://" + m.mlisten.Addr().String()
}

// URL is the address to open in a browser.
func (m *Main) URL() string {
	addr := m.listener.Addr().(*net.TCPAddr)
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	return fmt.Sprintf("http://%s", net.JoinHostPort(host, fmt.Sprint(addr.Port)))
}

// Shutdown stops accepting requests, waits up to the context's deadline
// for those under way, and closes the database.
func (m *Main) Shutdown(ctx context.Context) error {
	m.stop()
	m.jobs.Wait()
	err := m.http.Shutdown(ctx)
	if m.metrics != nil {
		err = errors.Join(err, m.metrics.Shutdown(ctx))
	}
	if serr := <-m.done; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return errors.Join(err, m.db.Close())
}

func runServe(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	cfg := ServeConfig{Out: stdout}
	fs.StringVar(&cfg.Addr, "addr", ":8080", "địa chỉ lắng nghe (listen address)")
	dbURL := dbFlag(fs)
	fs.StringVar(&cfg.Files, "files", os.Getenv("DANVAN_FILES"), "thư mục lưu tệp, dùng chung giữa các máy chủ (file storage folder; env DANVAN_FILES)")
	fs.StringVar(&cfg.ImportDir, "import-dir", os.Getenv("DANVAN_IMPORT_DIR"), "thư mục bài viết đã lưu để nhập (folder of saved articles; env DANVAN_IMPORT_DIR)")
	fs.StringVar(&cfg.MetricsAddr, "metrics-addr", os.Getenv("DANVAN_METRICS_ADDR"), "địa chỉ riêng cho /metrics, ví dụ 127.0.0.1:9090 (separate listen address for /metrics; env DANVAN_METRICS_ADDR)")
	cfg.MetricsToken = os.Getenv("DANVAN_METRICS_TOKEN")
	fs.IntVar(&cfg.APILimit.PerToken, "api-limit", envInt("DANVAN_API_LIMIT", web.DefaultAPILimit.PerToken),
		"số yêu cầu /api/v1 tối đa mỗi phút với một mã truy cập; một địa chỉ được gấp đôi (API requests a minute per token, twice that per address; env DANVAN_API_LIMIT)")
	margins := fs.String("document-margins", os.Getenv("DANVAN_DOCUMENT_MARGINS"), "lề trang văn bản (mm): trên,dưới,trái,phải; mặc định 25,25,35,15 (document margins in mm: top,bottom,left,right; env DANVAN_DOCUMENT_MARGINS)")
	proxies := fs.String("trust-proxy", os.Getenv("DANVAN_TRUST_PROXY"), "địa chỉ các proxy ngược được tin X-Forwarded-For/-Proto, cách nhau bởi dấu phẩy, ví dụ 127.0.0.1,10.0.0.0/8 (trusted reverse proxies; env DANVAN_TRUST_PROXY)")
	jobFlags(fs, &cfg)
	fs.BoolVar(&cfg.Demo, "demo", false, "nạp dữ liệu mẫu nếu cơ sở dữ liệu còn trống (fill an empty database with demo data)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg.DB = *dbURL
	cfg.APILimit.PerAddr = 2 * cfg.APILimit.PerToken
	var err error
	if cfg.Documents, err = document.ParseMargins(*margins); err != nil {
		return usageError{"--document-margins: lề trang không hợp lệ (invalid margins): " + err.Error()}
	}
	if cfg.TrustedProxies, err = web.ParseProxies(*proxies); err != nil {
		return usageError{"--trust-proxy: " + err.Error()}
	}
	cfg.Logger = slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	m, err := Start(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "danvan đang chạy tại %s (cơ sở dữ liệu %s). Nhấn Ctrl+C để dừng.\n", m.URL(), m.db)
	printAccounts(stdout, m.accounts)
	select {
	case <-ctx.Done():
	case err := <-m.done:
		m.done <- err
	}
	cfg.Logger.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return m.Shutdown(sctx)
}
