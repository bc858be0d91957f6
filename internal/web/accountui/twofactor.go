package accountui

import (
	"encoding/base64"
	"html/template"
	"net/http"
	"net/url"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/web/kit"
)

// SecondStepCookie carries, between the password and the code, the
// challenge of a sign-in with two-factor sign-in on (HttpOnly, five
// minutes).
const SecondStepCookie = "danvan_2fa"

// TwoFactorPath is the page where an account turns two-factor sign-in on
// (where one that must use it is sent until it has).
const TwoFactorPath = "/tai-khoan/hai-buoc"

type secondStepView struct {
	kit.Page
	Next  string
	Error string
	// Again is set when the sign-in must start over (expired, throttled).
	Again bool
}

// secondStepForm asks for the code after a right password.
func (h *handlers) secondStepForm(w http.ResponseWriter, r *http.Request, _ *auth.Principal) error {
	next := kit.SafeNext(r.URL.Query().Get("tiep"))
	if _, err := r.Cookie(SecondStepCookie); err != nil {
		http.Redirect(w, r, "/dang-nhap?tiep="+url.QueryEscape(next), http.StatusSeeOther)
		return nil
	}
	h.tmpl.Render(w, r, http.StatusOK, "second_step", secondStepView{Page: h.Page(w, r, "auth.2fa.step_title"), Next: next})
	return nil
}

// secondStep checks the code and starts the session.
func (h *handlers) secondStep(w http.ResponseWriter, r *http.Request, _ *auth.Principal) error {
	next := kit.SafeNext(r.PostFormValue("tiep"))
	var challenge string
	if c, err := r.Cookie(SecondStepCookie); err == nil {
		challenge = c.Value
	}
	sess, err := h.Auth.VerifySecondStep(r.Context(), auth.SecondStep{Challenge: challenge, Code: r.PostFormValue("code"),
		Addr: h.addr(r), UserAgent: r.UserAgent()})
	if err != nil {
		if kit.IsInternal(err) {
			return err
		}
		again := apperr.CodeOf(err) == apperr.CodeUnauthorized
		if again {
			h.ClearCookie(w, r, SecondStepCookie)
		}
		v := secondStepView{Page: h.Page(w, r, "auth.2fa.step_title"), Next: next, Error: h.Message(r, err), Again: again}
		h.tmpl.Render(w, r, kit.Status(err), "second_step", v)
		return nil
	}
	h.ClearCookie(w, r, SecondStepCookie)
	h.startSession(w, r, sess)
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

type twoFactorView struct {
	kit.Page
	Status auth.TwoFactor
	// Enrol is set while turning it on: the key, its address and QR.
	Enrol  *auth.Enrolment
	QR     template.URL
	Errors kit.Errors
	// Codes are the recovery codes, shown once right after turning it on.
	Codes []string
	// ConfirmOff asks before turning it off.
	ConfirmOff bool
}

// twoFactor shows the account's second step: on or off, and the way to
// turn it on.
func (h *handlers) twoFactor(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.showTwoFactor(w, r, p, twoFactorView{}, http.StatusOK)
}

func (h *handlers) showTwoFactor(w http.ResponseWriter, r *http.Request, p *auth.Principal, v twoFactorView, status int) error {
	st, err := h.Auth.TwoFactorStatus(r.Context(), p)
	if err != nil {
		return err
	}
	v.Status = st
	if v.Enrol != nil {
		// A PNG the server made, as a data: address (the CSP allows
		// data: images only).
		v.QR = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(v.Enrol.QR))
	}
	v.Page = h.Page(w, r, "auth.2fa.title")
	h.tmpl.Render(w, r, status, "twofactor", v)
	return nil
}

// twoFactorBegin makes a key and shows it, with the field for the first
// code.
func (h *handlers) twoFactorBegin(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	en, err := h.Auth.BeginTwoFactor(r.Context(), p)
	if err != nil {
		return err
	}
	return h.showTwoFactor(w, r, p, twoFactorView{Enrol: &en}, http.StatusOK)
}

// twoFactorConfirm turns it on when the code matches and shows the
// recovery codes once; a wrong code shows the same key again.
func (h *handlers) twoFactorConfirm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	codes, err := h.Auth.ConfirmTwoFactor(r.Context(), p, r.PostFormValue("code"))
	if apperr.CodeOf(err) == apperr.CodeInvalid {
		en, perr := h.Auth.PendingTwoFactor(r.Context(), p)
		if perr != nil {
			return perr
		}
		return h.showTwoFactor(w, r, p, twoFactorView{Enrol: &en, Errors: h.FormErrors(r, err)}, http.StatusBadRequest)
	}
	if err != nil {
		return err
	}
	return h.showTwoFactor(w, r, p, twoFactorView{Codes: codes}, http.StatusOK)
}

// twoFactorOffForm asks before turning it off.
func (h *handlers) twoFactorOffForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.showTwoFactor(w, r, p, twoFactorView{ConfirmOff: true}, http.StatusOK)
}

// twoFactorOff turns it off, when nothing requires it.
func (h *handlers) twoFactorOff(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := h.Auth.DisableTwoFactor(r.Context(), p, p.User.ID); err != nil {
		return err
	}
	h.SetFlash(w, r, "auth.2fa.off_done")
	http.Redirect(w, r, TwoFactorPath, http.StatusSeeOther)
	return nil
}
