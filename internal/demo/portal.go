package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/portal"
)

// portalSites is how many province boards get a demo news site.
const portalSites = 3

// GeneratePortal opens a news site for the first province boards of
// today's tree (after GenerateMeetings): each publishes the write-up
// ("Viết tin") of its latest conferences, dated the day after each, and
// opens a poll.
func GeneratePortal(ctx context.Context, d *db.DB, opts Options) error {
	ctx = audit.WithActor(ctx, audit.Actor{Name: "demo"})
	units := org.NewStore(d)
	az := auth.NewStore(d, units, auth.Config{})
	ps := portal.NewStore(d, units, az, nil)
	ms := meeting.NewStore(d, units, az)
	sys := auth.System()
	tree, err := units.Tree(ctx, d.Now())
	if err != nil {
		return fmt.Errorf("demo: portal: tree: %w", err)
	}
	n := 0
	for _, u := range tree {
		if n == portalSites || u.Level != org.Province || u.Kind != org.Board {
			continue
		}
		n++
		slug := portal.Slugify(u.ShortName)
		if slug == "" {
			slug = fmt.Sprintf("tinh-%d", u.ID)
		}
		st, err := ps.CreateSite(ctx, sys, portal.SiteInput{UnitID: u.ID, Slug: slug, Name: "Trang thông tin điện tử " + u.Name,
			NameEN: "Mass Mobilization Board of " + u.ShortName, Tagline: "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng",
			Address: "Trụ sở " + u.Name, Phone: "0200 3800 000", Email: "bandanvan@" + slug + ".example.vn", Editor: "Trưởng " + u.Name,
			About:   u.Name + " là cơ quan tham mưu, giúp việc của cấp ủy về công tác dân vận.",
			AboutEN: "The board advises the Party committee on mass mobilization work."})
		if err != nil {
			return fmt.Errorf("demo: portal: site %s: %w", slug, err)
		}
		rows, err := d.QueryContext(ctx, "SELECT id FROM meeting_conferences WHERE unit_id = ? ORDER BY held_on DESC, id DESC LIMIT 6", u.ID)
		if err != nil {
			return fmt.Errorf("demo: portal: conferences: %w", err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		for i := len(ids) - 1; i >= 0; i-- {
			in, err := ps.DraftFromConference(ctx, sys, st.ID, ids[i])
			if err != nil {
				return fmt.Errorf("demo: portal: write-up %d: %w", ids[i], err)
			}
			a, err := ps.CreateArticle(ctx, sys, st.ID, in)
			if err == nil {
				a, err = ps.Publish(ctx, sys, a.ID, a.Version, time.Time{})
			}
			if err != nil {
				return fmt.Errorf("demo: portal: article %d: %w", ids[i], err)
			}
			// A demo article is dated the day after its conference (the
			// workflow publishes at the moment of loading).
			c, err := ms.Conference(ctx, sys, ids[i])
			if err != nil {
				return err
			}
			if at := c.HeldOn.Add(33 * time.Hour); at.Before(d.Now()) {
				if _, err := d.ExecContext(ctx, "UPDATE portal_articles SET publish_at = ?, updated_at = ? WHERE id = ?", db.Stamp(at), db.Stamp(at), a.ID); err != nil {
					return fmt.Errorf("demo: portal: date: %w", err)
				}
			}
		}
		if _, err := ps.CreatePoll(ctx, sys, st.ID, portal.PollInput{Question: "Bạn biết đến các mô hình “Dân vận khéo” của tỉnh qua kênh nào?",
			Options: "Báo chí, truyền hình\nCán bộ, hội viên ở cơ sở\nMạng xã hội\nChưa biết đến"}); err != nil {
			return fmt.Errorf("demo: portal: poll: %w", err)
		}
	}
	return nil
}
