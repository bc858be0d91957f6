package web

import (
	"github.com/danvan/danvan/internal/web/accountui"
	"github.com/danvan/danvan/internal/web/adminui"
	"github.com/danvan/danvan/internal/web/apiui"
	"github.com/danvan/danvan/internal/web/campaignui"
	"github.com/danvan/danvan/internal/web/citizenui"
	"github.com/danvan/danvan/internal/web/commendui"
	"github.com/danvan/danvan/internal/web/committeeui"
	"github.com/danvan/danvan/internal/web/directiveui"
	"github.com/danvan/danvan/internal/web/documentui"
	"github.com/danvan/danvan/internal/web/emulationui"
	"github.com/danvan/danvan/internal/web/kit"
	"github.com/danvan/danvan/internal/web/meetingui"
	"github.com/danvan/danvan/internal/web/notifyui"
	"github.com/danvan/danvan/internal/web/portalui"
	"github.com/danvan/danvan/internal/web/practiceui"
	"github.com/danvan/danvan/internal/web/reportui"
	"github.com/danvan/danvan/internal/web/searchui"
	"github.com/danvan/danvan/internal/web/unitui"
)

// feature is one entry of the product: a name for errors and its Mount.
type feature struct {
	name  string
	mount func(*kit.Kit) (kit.Feature, error)
}

// features lists every feature package, in the order of the header's
// links. A new feature is a package under web with a Mount, added here.
func (s *Server) features() []feature {
	return []feature{
		{"unitui", unitui.Mount},
		{"reportui", reportui.Mount},
		{"practiceui", practiceui.Mount},
		{"meetingui", meetingui.Mount},
		{"commendui", commendui.Mount},
		{"committeeui", committeeui.Mount},
		{"emulationui", emulationui.Mount},
		{"campaignui", campaignui.Mount},
		{"directiveui", directiveui.Mount},
		{"documentui", func(k *kit.Kit) (kit.Feature, error) { return documentui.Mount(k, s.documents) }},
		{"citizenui", citizenui.Mount},
		{"portalui", portalui.Mount},
		{"adminui", adminui.Mount},
		{"notifyui", notifyui.Mount},
		{"searchui", searchui.Mount},
		{"apiui", apiui.Mount},
		{"accountui", func(k *kit.Kit) (kit.Feature, error) { return accountui.Mount(k, s.clientAddr) }},
	}
}
