-- len(l).
return {'ok', open()}
