package upload

import (
	"bytes"
	"image"
	"image/color"
	_ "image/gif" // the formats an upload may be
	_ "image/jpeg"
	_ "image/png"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/vntext"
)

// MaxImageBytes bounds the memory an image takes once decoded (width ×
// height × the bytes of one pixel in its colour model): 96 MiB holds a
// 24-megapixel PNG with transparency or a 32-megapixel photo from a
// phone, and refuses a 49-megapixel PNG (196 MiB) before any pixel is
// read.
const MaxImageBytes = 96 << 20

// CheckImage reads only the header of a JPEG, PNG or GIF image and
// returns its size and format, or an apperr.Invalid error on field
// "file": "upload.err.image" when it is not such an image,
// "upload.err.pixels" when decoding it would take more than
// MaxImageBytes.
func CheckImage(data []byte) (image.Config, string, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return image.Config{}, "", apperr.Invalid("file", "upload.err.image")
	}
	if DecodedBytes(cfg) > MaxImageBytes {
		mp := (int64(cfg.Width)*int64(cfg.Height) + 500000) / 1000000
		return image.Config{}, "", apperr.Invalid("file", "upload.err.pixels",
			vntext.FormatInt(mp), vntext.FormatInt(MaxImageBytes/int64(bytesPerPixel(cfg.ColorModel))/1000000))
	}
	return cfg, format, nil
}

// DecodedBytes is how many bytes the pixels of an image of cfg take once
// decoded by the standard library (an upper bound).
func DecodedBytes(cfg image.Config) int64 {
	return int64(cfg.Width) * int64(cfg.Height) * int64(bytesPerPixel(cfg.ColorModel))
}

func bytesPerPixel(m color.Model) int {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.YCbCrModel: // 4:4:4 at most
		return 3
	case color.RGBAModel, color.NRGBAModel, color.CMYKModel, color.NYCbCrAModel:
		return 4
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8
}
