package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web"
)

const userUsage = `Cách dùng (usage):
  danvan user add    --login L --name "Họ Tên" [--phone P] [--email E]   (mật khẩu đọc từ stdin)
  danvan user passwd --login L                                          (mật khẩu mới đọc từ stdin)
  danvan user grant  --login L --unit MÃ_ĐƠN_VỊ --role admin|leader|officer|viewer
  danvan user list   [--query Q]
Tùy chọn chung (common): --db URL`

// runUser manages accounts from a terminal: the operator is the audit
// actor "danvan user" (no user id).
func runUser(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, userUsage)
		return usageError{"thiếu lệnh con: add, passwd, grant hoặc list (missing subcommand)"}
	}
	sub, args := args[0], args[1:]
	fs := newFlags("user "+sub, stderr)
	dbURL := dbFlag(fs)
	var run func(ctx context.Context, s *userCLI) error
	switch sub {
	case "add":
		login := fs.String("login", "", "tên đăng nhập (login name)")
		name := fs.String("name", "", "họ và tên (full name)")
		phone := fs.String("phone", "", "số điện thoại (phone)")
		email := fs.String("email", "", "thư điện tử (e-mail)")
		fs.Bool("password-stdin", true, "đọc mật khẩu từ stdin, một dòng (read the password from stdin; always on)")
		run = func(ctx context.Context, c *userCLI) error {
			if *login == "" || *name == "" {
				return usageError{"cần --login và --name (--login and --name are required)"}
			}
			pw, err := readPassword(stdin, stderr)
			if err != nil {
				return err
			}
			u, err := c.auth.CreateUser(ctx, c.sys, auth.NewUser{Login: *login, Name: *name, Phone: *phone, Email: *email, Password: pw})
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Đã tạo tài khoản %s (%s), mã số %d\n", u.Login, u.Name, u.ID)
			return nil
		}
	case "passwd":
		login := fs.String("login", "", "tên đăng nhập (login name)")
		fs.Bool("password-stdin", true, "đọc mật khẩu từ stdin, một dòng (read the password from stdin; always on)")
		run = func(ctx context.Context, c *userCLI) error {
			if *login == "" {
				return usageError{"cần --login (--login is required)"}
			}
			u, err := c.auth.UserByLogin(ctx, c.sys, *login)
			if err != nil {
				return err
			}
			pw, err := readPassword(stdin, stderr)
			if err != nil {
				return err
			}
			if err := c.auth.SetPassword(ctx, c.sys, u.ID, pw); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Đã đặt mật khẩu mới cho %s; mọi phiên đăng nhập của tài khoản đã kết thúc\n", u.Login)
			return nil
		}
	case "grant":
		login := fs.String("login", "", "tên đăng nhập (login name)")
		unit := fs.String("unit", "", "mã đơn vị (unit code)")
		role := fs.String("role", "", "vai trò: admin, leader, officer, viewer (role)")
		run = func(ctx context.Context, c *userCLI) error {
			if *login == "" || *unit == "" || *role == "" {
				return usageError{"cần --login, --unit và --role (--login, --unit and --role are required)"}
			}
			r := auth.Role(strings.ToLower(strings.TrimSpace(*role)))
			if !r.Valid() {
				return usageError{fmt.Sprintf("vai trò %q không hợp lệ; chọn admin, leader, officer hoặc viewer", *role)}
			}
			u, err := c.auth.UserByLogin(ctx, c.sys, *login)
			if err != nil {
				return err
			}
			un, err := c.units.GetByCode(ctx, *unit, c.db.Now())
			if err != nil {
				return err
			}
			if _, err := c.auth.GrantRole(ctx, c.sys, u.ID, un.ID, r); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Đã cấp vai trò %s (%s) cho %s trên %s (%s)\n", r, roleLabel(r), u.Login, un.Name, un.Code)
			return nil
		}
	case "list":
		query := fs.String("query", "", "lọc theo tên hoặc tên đăng nhập (filter by name or login)")
		run = func(ctx context.Context, c *userCLI) error { return c.list(ctx, *query, stdout) }
	case "-h", "--help", "help":
		fmt.Fprintln(stdout, userUsage)
		return nil
	default:
		fmt.Fprintln(stderr, userUsage)
		return usageError{fmt.Sprintf("lệnh con không rõ %q (unknown subcommand); dùng add, passwd, grant hoặc list", sub)}
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("thừa tham số %q (unexpected argument)", fs.Arg(0))}
	}
	d, err := db.Open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		return err
	}
	units := org.NewStore(d)
	c := &userCLI{db: d, units: units, auth: auth.NewStore(d, units, auth.Config{}), sys: auth.System()}
	ctx = audit.WithActor(ctx, audit.Actor{Name: "danvan user"})
	return cliError(run(ctx, c))
}

// userCLI acts as the system's operator (auth.System): whoever runs the
// command line on the server may manage every account.
type userCLI struct {
	db    *db.DB
	units *org.Store
	auth  *auth.Store
	sys   *auth.Principal
}

// roleLabel is a role's name in Vietnamese, from the catalog.
func roleLabel(r auth.Role) string {
	c, err := web.Catalog()
	if err != nil {
		return string(r)
	}
	return c.T(i18n.VI, "role."+string(r))
}

func (c *userCLI) list(ctx context.Context, query string, stdout io.Writer) error {
	codes, err := c.units.IDsByCode(ctx)
	if err != nil {
		return err
	}
	codeOf := make(map[int64]string, len(codes))
	for code, id := range codes {
		codeOf[id] = code
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TÊN ĐĂNG NHẬP\tHỌ VÀ TÊN\tTRẠNG THÁI\tVAI TRÒ")
	f := auth.UserFilter{Limit: 500}
	if query != "" {
		f.Query = &query
	}
	total := 0
	for {
		us, n, err := c.auth.ListUsers(ctx, c.sys, f)
		if err != nil {
			return err
		}
		total = n
		for _, u := range us {
			gs, err := c.auth.Grants(ctx, c.sys, u.ID)
			if err != nil {
				return err
			}
			var roles []string
			for _, g := range gs {
				roles = append(roles, string(g.Role)+"@"+codeOf[g.UnitID])
			}
			state := "hoạt động"
			if !u.Active {
				state = "đã khóa"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", u.Login, u.Name, state, strings.Join(roles, ", "))
		}
		f.Offset += len(us)
		if len(us) == 0 || f.Offset >= n {
			break
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d tài khoản\n", total)
	return nil
}

// readPassword reads one line from stdin (prompting on a terminal).
func readPassword(stdin io.Reader, stderr io.Writer) (string, error) {
	if f, ok := stdin.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			fmt.Fprint(stderr, "Mật khẩu (password, ít nhất 10 ký tự): ")
		}
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("đọc mật khẩu: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("chưa có mật khẩu trên stdin (no password on stdin); ví dụ: echo 'mật khẩu' | danvan user add --login L --name \"Họ Tên\"")
	}
	return line, nil
}

// cliError turns a domain error into its Vietnamese message on one line.
func cliError(err error) error {
	if err == nil {
		return nil
	}
	var es apperr.Errors
	if errors.As(err, &es) {
		msgs := make([]string, len(es))
		for i, e := range es {
			msgs[i] = messageOf(e)
		}
		return errors.New(strings.Join(msgs, " "))
	}
	if e, ok := apperr.As(err); ok && e.Code != apperr.CodeInternal {
		return errors.New(messageOf(e))
	}
	return err
}
