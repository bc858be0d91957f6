package main

import (
	"bufio"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// serveFlags is the flag set of danvan serve, to check the deployment
// files against.
func serveFlags(t *testing.T) *flag.FlagSet {
	t.Helper()
	var names *flag.FlagSet
	// runServe defines its flags on a set it parses; ask it for help and
	// read the names from its usage text.
	var out strings.Builder
	_ = runServe(t.Context(), []string{"-h"}, strings.NewReader(""), io.Discard, &out)
	names = flag.NewFlagSet("serve", flag.ContinueOnError)
	for _, m := range regexp.MustCompile(`(?m)^\s+-([a-z-]+)`).FindAllStringSubmatch(out.String(), -1) {
		names.Bool(m[1], false, "")
	}
	if names.Lookup("db") == nil || names.Lookup("addr") == nil {
		t.Fatalf("could not read serve's flags from:\n%s", out.String())
	}
	return names
}

// TestSystemdUnit checks deploy/danvan.service: its ExecStart runs danvan
// serve with flags that exist, the DANVAN_ variables it documents are
// read by the program, and systemd-analyze verify accepts it (with the
// binary path pointed at an executable, when systemd-analyze is here).
func TestSystemdUnit(t *testing.T) {
	b, err := os.ReadFile("../../deploy/danvan.service")
	if err != nil {
		t.Fatal(err)
	}
	unit := string(b)
	flags := serveFlags(t)
	exec1 := regexp.MustCompile(`(?m)^ExecStart=(\S+) serve(.*)$`).FindStringSubmatch(unit)
	if exec1 == nil {
		t.Fatal("no ExecStart=… serve")
	}
	for _, f := range regexp.MustCompile(`--([a-z-]+)`).FindAllStringSubmatch(exec1[2], -1) {
		if flags.Lookup(f[1]) == nil {
			t.Errorf("ExecStart uses --%s, which danvan serve does not have", f[1])
		}
	}
	checkEnvNames(t, unit)
	if _, err := exec.LookPath("systemd-analyze"); err != nil {
		t.Skip("systemd-analyze is not installed: the unit's syntax is not verified")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "danvan.service")
	if err := os.WriteFile(path, []byte(strings.Replace(unit, "ExecStart="+exec1[1], "ExecStart="+self, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("systemd-analyze", "verify", path).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "" {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// checkEnvNames fails on a DANVAN_ variable a deployment file names that
// the program never reads.
func checkEnvNames(t *testing.T, text string) {
	t.Helper()
	read := map[string]bool{}
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, _ := os.ReadFile(f)
		for _, m := range regexp.MustCompile(`"(DANVAN_[A-Z_]+)"`).FindAllStringSubmatch(string(b), -1) {
			read[m[1]] = true
		}
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		for _, m := range regexp.MustCompile(`\b(DANVAN_[A-Z_]+)=`).FindAllStringSubmatch(sc.Text(), -1) {
			if !read[m[1]] {
				t.Errorf("%s is set in a deployment file but danvan never reads it", m[1])
			}
		}
	}
}

// TestNginxSite checks deploy/nginx/danvan.conf with nginx -t, inside a
// minimal nginx.conf, with a throwaway certificate and cache folder in
// place of the real ones. It skips when nginx is not installed (CI
// installs nginx-light).
func TestNginxSite(t *testing.T) {
	bin, err := exec.LookPath("nginx")
	if err != nil {
		t.Skip("nginx is not installed: the site is not checked")
	}
	b, err := os.ReadFile("../../deploy/nginx/danvan.conf")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cert, key := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if out, err := exec.Command("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
		"-subj", "/CN=danvan.example.vn", "-days", "1", "-keyout", key, "-out", cert).CombinedOutput(); err != nil {
		t.Skipf("openssl could not make a certificate: %v\n%s", err, out)
	}
	site := strings.NewReplacer("/etc/ssl/danvan/fullchain.pem", cert, "/etc/ssl/danvan/privkey.pem", key,
		"/var/cache/nginx/danvan", filepath.Join(dir, "cache")).Replace(string(b))
	if site == string(b) {
		t.Fatal("the site names none of the paths the test replaces")
	}
	if !strings.Contains(site, "client_max_body_size 33m") || !strings.Contains(site, "proxy_set_header X-Forwarded-For $remote_addr") {
		t.Error("the site lost its upload size or its forwarding header")
	}
	os.WriteFile(filepath.Join(dir, "site.conf"), []byte(site), 0o644)
	conf := "pid " + filepath.Join(dir, "nginx.pid") + ";\nerror_log stderr;\nevents {}\nhttp {\n" +
		"  access_log off;\n  client_body_temp_path " + dir + "/body;\n  proxy_temp_path " + dir + "/proxy;\n" +
		"  fastcgi_temp_path " + dir + "/fcgi;\n  uwsgi_temp_path " + dir + "/uwsgi;\n  scgi_temp_path " + dir + "/scgi;\n" +
		"  include " + filepath.Join(dir, "site.conf") + ";\n}\n"
	os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(conf), 0o644)
	out, err := exec.Command(bin, "-t", "-p", dir, "-c", filepath.Join(dir, "nginx.conf")).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "test is successful") {
		t.Errorf("nginx -t: %v\n%s", err, out)
	}
}

// TestContainerfile checks deploy/Containerfile without a container
// engine (none runs on the CI machine): its build stage's Go is the one
// go.mod asks for, its go build is cgo-free and builds ./cmd/danvan, its
// CMD uses flags danvan serve has and its ENV variables are read; then it
// builds the binary with the same command and runs it as the image would,
// with its DANVAN_DB pointing at a SQLite file: the migrations apply and
// the status lists them, which a binary needing cgo for SQLite could not.
func TestContainerfile(t *testing.T) {
	b, err := os.ReadFile("../../deploy/Containerfile")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(mod)
	from := regexp.MustCompile(`(?m)^FROM golang:(\d+\.\d+)\S* AS build$`).FindStringSubmatch(text)
	if goVersion == nil || from == nil || from[1] != string(goVersion[1]) {
		t.Fatalf("the build stage's Go (%v) is not go.mod's (%s)", from, goVersion)
	}
	build := regexp.MustCompile(`(?m)^RUN (CGO_ENABLED=0 go build .*) -o (\S+) \./cmd/danvan$`).FindStringSubmatch(text)
	if build == nil {
		t.Fatal("no cgo-free `RUN CGO_ENABLED=0 go build … -o … ./cmd/danvan` in the build stage")
	}
	cmd := regexp.MustCompile(`(?m)^CMD \["serve"(.*)\]$`).FindStringSubmatch(text)
	if cmd == nil {
		t.Fatal(`no CMD ["serve", …]`)
	}
	flags := serveFlags(t)
	for _, f := range regexp.MustCompile(`"--([a-z-]+)"`).FindAllStringSubmatch(cmd[1], -1) {
		if flags.Lookup(f[1]) == nil {
			t.Errorf("CMD uses --%s, which danvan serve does not have", f[1])
		}
	}
	checkEnvNames(t, text)
	if testing.Short() {
		t.Skip("-short: the image's binary is not built")
	}
	// The build stage's command, run here.
	dir := t.TempDir()
	bin := filepath.Join(dir, "danvan")
	args := strings.Fields(strings.TrimPrefix(build[1], "CGO_ENABLED=0 go "))
	for i, a := range args {
		args[i] = strings.Trim(a, `"`)
	}
	// -ldflags "-s -w" is one argument once unquoted.
	var joined []string
	for i := 0; i < len(args); i++ {
		if args[i] == "-ldflags" && i+2 < len(args) && strings.HasPrefix(args[i+1], "-") && strings.HasPrefix(args[i+2], "-") {
			joined = append(joined, "-ldflags", args[i+1]+" "+args[i+2])
			i += 2
			continue
		}
		joined = append(joined, args[i])
	}
	gobuild := exec.Command("go", append(joined, "-o", bin, "./cmd/danvan")...)
	gobuild.Dir = "../.."
	gobuild.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := gobuild.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(joined, " "), err, out)
	}
	env := regexp.MustCompile(`(?m)^ENV DANVAN_DB=sqlite:(\S+)$`).FindStringSubmatch(text)
	if env == nil {
		t.Fatal("no ENV DANVAN_DB=sqlite:… (the image's default database)")
	}
	dbURL := "sqlite:" + filepath.Join(dir, filepath.Base(env[1]))
	for _, step := range [][]string{{"migrate"}, {"migrate", "--status"}} {
		run := exec.Command(bin, step...)
		run.Env = append(os.Environ(), "DANVAN_DB="+dbURL, "CGO_ENABLED=0")
		out, err := run.CombinedOutput()
		if err != nil {
			t.Fatalf("danvan %s: %v\n%s", strings.Join(step, " "), err, out)
		}
		if step[len(step)-1] == "--status" && (!strings.Contains(string(out), "(applied)") || strings.Contains(string(out), "(pending)")) {
			t.Errorf("danvan migrate --status after migrate:\n%s", out)
		}
	}
}
